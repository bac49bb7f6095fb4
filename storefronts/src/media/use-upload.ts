import { useCallback, useEffect, useRef, useState } from 'react'
import type { RateSample, SentPart } from '../../../domain/media/upload-plan.ts'
import { addSample, bytesPerSecond, contentTypeFor, mergeParts, resumePlan, secondsLeft } from '../../../domain/media/upload-plan.ts'
import { ApiError } from '../api'
import { codeOf, messageOf } from '../signup/signup-api'
import { sha256OfFile } from './file-checksum'
import { completeUpload, createUpload, getUploadParts } from './media-api'
import type { CreateUploadRequest, PartTarget } from './media-types'
import type { PartRun } from './upload-engine'
import { UploadStoppedError, startPartRun } from './upload-engine'
import { fileIdentity, forgetUpload, rememberUpload } from './upload-memory'

export type UploadPhase = 'idle' | 'hashing' | 'starting' | 'uploading' | 'paused' | 'completing' | 'done' | 'failed'
export type UploadState = {
  phase: UploadPhase; hashPercent: number; sentBytes: number; totalBytes: number
  rate: number | null; secondsLeft: number | null; error: { code: string; message: string } | null
}
/** What the creator typed; the file's name, type, size and checksum are added here. */
export type UploadDetails = Omit<CreateUploadRequest, 'brand' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256'>

const IDLE: UploadState = { phase: 'idle', hashPercent: 0, sentBytes: 0, totalBytes: 0, rate: null, secondsLeft: null, error: null }
const BUSY: readonly UploadPhase[] = ['hashing', 'starting', 'uploading', 'completing']
const REDRAW_MS = 200
// the upload is no longer open (completed, deleted, or expired): it cannot be resumed, only started again
const gone = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 409 || error.status === 410)

type UseUploadOptions = { brand: string; token: string; onDone: (mediaId: string) => void; onSessionExpired: () => void }

/** One upload from the creator's file to a completed multipart upload: checksum, announce, send parts, complete; pause and resume. */
export function useUpload({ brand, token, onDone, onSessionExpired }: UseUploadOptions) {
  const [state, setState] = useState<UploadState>(IDLE)
  const job = useRef<{ file: File; mediaId: string } | null>(null)
  const run = useRef<PartRun | null>(null)
  const unmounted = useRef(false)
  const samples = useRef<RateSample[]>([])
  const redrawnAt = useRef(0)
  const completed = useRef<string | null>(null)

  useEffect(() => {
    unmounted.current = false
    return () => {
      unmounted.current = true
      run.current?.stop()
    }
  }, [])

  useEffect(() => {
    if (!BUSY.includes(state.phase)) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [state.phase])

  // after the render that removed the leave-page warning, so moving on to the item's page is not questioned
  useEffect(() => {
    if (state.phase === 'done' && completed.current) onDone(completed.current)
  }, [state.phase, onDone])

  const fail = useCallback((error: unknown) => {
    if (error instanceof UploadStoppedError || unmounted.current) return
    if (error instanceof ApiError && error.status === 401) onSessionExpired()
    // refused before anything was stored: back to the form, which shows why
    setState((s) => ({ ...s, phase: job.current ? 'failed' : 'idle', error: { code: codeOf(error), message: messageOf(error) } }))
  }, [onSessionExpired])

  const progress = useCallback((sent: number, total: number) => {
    const now = performance.now()
    samples.current = addSample(samples.current, { atMs: now, bytes: sent })
    if (now - redrawnAt.current < REDRAW_MS && sent < total) return
    redrawnAt.current = now
    const rate = bytesPerSecond(samples.current)
    setState((s) => ({ ...s, sentBytes: sent, rate, secondsLeft: secondsLeft(total - sent, rate) }))
  }, [])

  const transfer = useCallback(async (file: File, mediaId: string, partSize: number, targets: PartTarget[], done: SentPart[], doneBytes: number) => {
    job.current = { file, mediaId }
    samples.current = []
    setState((s) => ({ ...s, phase: 'uploading', totalBytes: file.size, sentBytes: doneBytes, rate: null, secondsLeft: null, error: null }))
    const freshUrl = async (partNumber: number) => {
      const url = (await getUploadParts(mediaId, token)).parts.find((p) => p.partNumber === partNumber)?.url
      if (!url) throw new Error(`Storage offered no new address for part ${partNumber}. Try again.`)
      return url
    }
    const current = startPartRun({ file, partSize, targets, freshUrl, onSent: (bytes) => progress(doneBytes + bytes, file.size) })
    run.current = current
    const sent = await current.finished
    run.current = null
    setState((s) => ({ ...s, phase: 'completing', sentBytes: file.size, secondsLeft: 0 }))
    await completeUpload(mediaId, mergeParts(done, sent), token)
    forgetUpload(window.localStorage, mediaId)
    completed.current = mediaId
    if (!unmounted.current) setState((s) => ({ ...s, phase: 'done' }))
  }, [token, progress])

  /** Picks up an upload storage already holds parts of: only the missing parts are sent. */
  const resume = useCallback(async (mediaId: string, file: File) => {
    job.current = { file, mediaId }
    setState({ ...IDLE, phase: 'starting', totalBytes: file.size })
    let answer
    try {
      answer = await getUploadParts(mediaId, token)
    } catch (error) {
      if (!gone(error)) return fail(error)
      forgetUpload(window.localStorage, mediaId)
      job.current = null
      return fail(new ApiError(409, codeOf(error), `This upload can no longer be resumed: ${messageOf(error)}`))
    }
    try {
      const plan = resumePlan(file.size, answer.partSize, answer.uploaded)
      const urls = new Map(answer.parts.map((p) => [p.partNumber, p.url]))
      const targets = plan.missing.map((partNumber) => ({ partNumber, url: urls.get(partNumber) ?? '' }))
      if (targets.some((t) => !t.url)) throw new Error('Storage did not offer an address for every missing part. Try again.')
      await transfer(file, mediaId, answer.partSize, targets, plan.done, plan.doneBytes)
    } catch (error) {
      fail(error)
    }
  }, [token, transfer, fail])

  /** A new upload: checksum first, then announce it and send every part. */
  const start = useCallback(async (file: File, details: UploadDetails) => {
    job.current = null
    setState({ ...IDLE, phase: 'hashing', totalBytes: file.size })
    try {
      const sha256 = await sha256OfFile(file, (hashPercent) => setState((s) => ({ ...s, hashPercent })), () => unmounted.current)
      setState((s) => ({ ...s, phase: 'starting' }))
      const created = await createUpload({ ...details, brand, fileName: file.name, contentType: contentTypeFor(file.name, file.type),
        sizeBytes: file.size, sha256 }, token)
      rememberUpload(window.localStorage, { ...fileIdentity(file), mediaId: created.id, sha256, brand, title: details.title,
        startedAt: new Date().toISOString() })
      await transfer(file, created.id, created.partSize, created.parts, [], 0)
    } catch (error) {
      fail(error)
    }
  }, [brand, token, transfer, fail])

  const pause = useCallback(() => {
    if (!run.current) return
    run.current.stop()
    run.current = null
    setState((s) => ({ ...s, phase: 'paused', rate: null, secondsLeft: null }))
  }, [])

  /** Resume after Pause, or try again after a failure: asks storage what it holds and sends the rest. */
  const retry = useCallback(() => {
    if (job.current) void resume(job.current.mediaId, job.current.file)
  }, [resume])

  return { state, start, resume, pause, retry }
}
