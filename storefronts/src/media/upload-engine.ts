/** Sends the parts of a multipart upload straight to object storage: a few at a time, with retries, stoppable. */
import type { SentPart } from '../../../domain/media/upload-plan.ts'
import { MAX_PART_ATTEMPTS, UPLOAD_CONCURRENCY, partBounds, retryDelayMs } from '../../../domain/media/upload-plan.ts'
import type { PartTarget } from './media-types'

/** The run was stopped (Pause, or the page gave up): not a failure. */
export class UploadStoppedError extends Error {
  override readonly name = 'UploadStoppedError'
}

export class PartFailedError extends Error {
  override readonly name = 'PartFailedError'
  constructor(readonly partNumber: number, readonly status: number, message: string, readonly retryable: boolean) {
    super(message)
  }
}

export const ETAG_HIDDEN_MESSAGE = 'Storage accepted the part but did not let the browser read its ETag header, so the upload ' +
  'cannot be completed. An administrator must expose the ETag header in the storage CORS settings.'

// an expired presigned URL answers 403; timeouts, throttling and server errors may pass on a later try
const retryable = (status: number) => status === 0 || status === 403 || status === 408 || status === 429 || status >= 500

/** PUTs one slice to its presigned URL; resolves with the ETag storage answered. */
export function putPart(partNumber: number, url: string, body: Blob, onLoaded: (bytes: number) => void, live: Set<XMLHttpRequest>): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const settle = () => live.delete(xhr)
    live.add(xhr)
    xhr.open('PUT', url)
    xhr.upload.onprogress = (event) => onLoaded(event.loaded)
    xhr.onload = () => {
      settle()
      if (xhr.status < 200 || xhr.status >= 300) {
        return reject(new PartFailedError(partNumber, xhr.status, `Storage refused part ${partNumber} (HTTP ${xhr.status}).`, retryable(xhr.status)))
      }
      const etag = xhr.getResponseHeader('ETag')
      if (etag) resolve(etag)
      else reject(new PartFailedError(partNumber, xhr.status, ETAG_HIDDEN_MESSAGE, false))
    }
    xhr.onerror = () => {
      settle()
      reject(new PartFailedError(partNumber, 0, `The connection dropped while sending part ${partNumber}.`, true))
    }
    xhr.onabort = () => {
      settle()
      reject(new UploadStoppedError('Upload paused.'))
    }
    xhr.send(body)
  })
}

export type PartRunOptions = {
  file: Blob
  partSize: number
  targets: readonly PartTarget[]
  /** bytes of this run's parts sent so far (finished parts and the parts in flight) */
  onSent: (bytes: number) => void
  /** a fresh presigned URL for a part whose URL was refused (expired) */
  freshUrl?: (partNumber: number) => Promise<string>
  concurrency?: number
  wait?: (ms: number) => Promise<void>
}

export type PartRun = { finished: Promise<SentPart[]>; stop: () => void }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Starts sending the target parts; `finished` resolves with their ETags, or rejects with the first permanent failure. */
export function startPartRun({ file, partSize, targets, onSent, freshUrl, concurrency = UPLOAD_CONCURRENCY, wait = sleep }: PartRunOptions): PartRun {
  const live = new Set<XMLHttpRequest>()
  const loaded = new Map<number, number>()
  const queue = [...targets]
  const sent: SentPart[] = []
  let stopped = false

  const report = (partNumber: number, bytes: number) => {
    loaded.set(partNumber, bytes)
    onSent([...loaded.values()].reduce((sum, n) => sum + n, 0))
  }
  const stop = () => {
    stopped = true
    for (const xhr of live) xhr.abort()
  }

  const sendOne = async ({ partNumber, url: firstUrl }: PartTarget): Promise<SentPart> => {
    const { start, end } = partBounds(partNumber, partSize, file.size)
    const body = file.slice(start, end)
    let url = firstUrl
    for (let attempt = 1; ; attempt++) {
      try {
        // a part counts in full only once storage has answered for it
        const etag = await putPart(partNumber, url, body, (bytes) => report(partNumber, Math.min(bytes, end - start - 1)), live)
        report(partNumber, end - start)
        return { partNumber, etag }
      } catch (error) {
        report(partNumber, 0)
        if (stopped) throw new UploadStoppedError('Upload paused.')
        if (!(error instanceof PartFailedError) || !error.retryable || attempt >= MAX_PART_ATTEMPTS) throw error
        await wait(retryDelayMs(attempt))
        if (stopped) throw new UploadStoppedError('Upload paused.')
        if (error.status === 403 && freshUrl) url = await freshUrl(partNumber)
      }
    }
  }

  const worker = async () => {
    for (let target = queue.shift(); target && !stopped; target = queue.shift()) sent.push(await sendOne(target))
  }

  const run = async () => {
    try {
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker))
    } catch (error) {
      // one part failed for good: the others stop too, so the creator can retry the whole rest at once
      stop()
      throw error
    }
    if (stopped) throw new UploadStoppedError('Upload paused.')
    return sent.sort((a, b) => a.partNumber - b.partNumber)
  }
  return { finished: run(), stop }
}
