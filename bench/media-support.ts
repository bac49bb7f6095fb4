/** Helpers of the media benchmark: bare ffmpeg doing the pipeline's work, an upload through the API, and timings from a workflow's history. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Client } from '@temporalio/client'
import OpenAI from 'openai'
import type pg from 'pg'
import { probeMedia, renderPreview, renderSprite, renderThumbnail, transcodeRendition, type FfmpegPaths } from '../activities/media/ffmpeg.ts'
import { previewWindow, sampleTimes, spriteLayout, type Rendition } from '../domain/media/ladder.ts'
import { announce, putPart } from '../test/support/media.ts'
import { api } from '../test/support/stack.ts'
import { uploadCompletedSignal } from '../workflows/ingest-media.contract.ts'
import { pool } from './pool.ts'

/** The brand the bench creator uploads to (its moderation policy judges the clips). */
export const BENCH_BRAND = 'girlfanz'

/** Wall seconds of bare ffmpeg transcoding every rung, `concurrency` at a time (as the media worker's activity slots allow). */
export async function bareLadder(paths: FfmpegPaths, clip: string, ladder: Rendition[], concurrency: number): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fanz-bench-ladder-'))
  try {
    return await pool(ladder, concurrency, async (rung) => {
      const out = await transcodeRendition(paths, clip, path.join(dir, rung.name), rung)
      if (out.segments.length === 0 || out.height !== rung.height) throw new Error(`bare ${rung.name}: ${out.segments.length} segments, ${out.height} px high`)
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Wall seconds of bare ffmpeg rendering what renderArtwork renders, in its order: probe, poster, sprite, teaser. */
export async function bareArtwork(paths: FfmpegPaths, clip: string, durationSeconds: number): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fanz-bench-art-'))
  const t0 = performance.now()
  try {
    const layout = spriteLayout(durationSeconds, (await probeMedia(paths, clip)).video ?? undefined)
    await renderThumbnail(paths, clip, path.join(dir, 'thumb.jpg'), sampleTimes(durationSeconds, 1)[0] ?? 0)
    await renderSprite(paths, clip, path.join(dir, 'sprite.jpg'), layout)
    await renderPreview(paths, clip, path.join(dir, 'preview.mp4'), previewWindow(durationSeconds))
    return (performance.now() - t0) / 1000
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The studio's upload of `bytes` (announce, presigned parts); `complete` is the call that lets the ingest run. */
export async function stageUpload(token: string, bytes: Buffer, title: string) {
  const started = await announce(token, bytes, { brand: BENCH_BRAND, title })
  if (started.status !== 201) throw new Error(`announce answered ${started.status}: ${JSON.stringify(started.body)}`)
  const { id, partSize, parts } = started.body as { id: string; partSize: number; parts: { partNumber: number; url: string }[] }
  const etags: { partNumber: number; etag: string }[] = []
  for (const p of parts) etags.push({ partNumber: p.partNumber, etag: await putPart(p.url, bytes.subarray((p.partNumber - 1) * partSize, p.partNumber * partSize)) })
  const complete = async () => {
    const done = await api(`/api/media/uploads/${id}/complete`, { method: 'POST', token, body: { parts: etags } })
    if (done.status !== 202) throw new Error(`complete of ${id} answered ${done.status}: ${JSON.stringify(done.body)}`)
    return done.body.workflowId as string
  }
  return { id, complete }
}
/** Waits for the read model to show the item IN_REVIEW (the end of the automated ingest); any other end throws with its reason. */
export async function untilInReview(sql: pg.Client, id: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const row = (await sql.query('SELECT status, failure_reason, decision_reason FROM media_items WHERE id = $1', [id])).rows[0]
    if (row?.status === 'IN_REVIEW') return
    if (!row || !['UPLOADING', 'PROCESSING'].includes(row.status)) {
      throw new Error(`media ${id} ended ${row?.status ?? 'missing'}, not IN_REVIEW: ${row?.failure_reason ?? row?.decision_reason ?? ''}`)
    }
    if (performance.now() > deadline) throw new Error(`media ${id} still ${row.status} after ${timeoutMs / 1000} s`)
    // a cheap read-model query, not the API (whose GET asks the workflow for live progress: load on what is measured)
    await sleep(100)
  }
}

type Ts = { seconds?: unknown; nanos?: number | null } | null | undefined
const ms = (t: Ts) => {
  if (!t) throw new Error('history event without a time')
  return Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6
}

/** From an ingest's history: uploadCompleted signal -> openReview done (IN_REVIEW written), and moderateMedia's queue+run and run times. */
export async function ingestTimings(client: Client, workflowId: string) {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? []
  const scheduled = (type: string) => {
    const e = events.find((x) => x.activityTaskScheduledEventAttributes?.activityType?.name === type)
    if (!e) throw new Error(`${workflowId} never scheduled ${type}`)
    return e
  }
  const after = (type: string, key: 'activityTaskStartedEventAttributes' | 'activityTaskCompletedEventAttributes') => {
    const id = String(scheduled(type).eventId)
    const e = events.find((x) => String(x[key]?.scheduledEventId) === id)
    if (!e) throw new Error(`${workflowId}: ${type} has no ${key.replace('EventAttributes', '')} event`)
    return ms(e.eventTime)
  }
  const signal = events.find((x) => x.workflowExecutionSignaledEventAttributes?.signalName === uploadCompletedSignal.name)
  if (!signal) throw new Error(`${workflowId} never got ${uploadCompletedSignal.name}`)
  const moderated = after('moderateMedia', 'activityTaskCompletedEventAttributes')
  return {
    ingestMs: after('openReview', 'activityTaskCompletedEventAttributes') - ms(signal.eventTime),
    // Scheduled -> Completed includes waiting for a free media slot and any retries; Started is the last attempt's start
    moderationMs: moderated - ms(scheduled('moderateMedia').eventTime),
    moderationRunMs: moderated - after('moderateMedia', 'activityTaskStartedEventAttributes'),
  }
}

/** Milliseconds of each of `calls` moderation requests for one JPEG, straight to the endpoint (after one warm-up). */
export async function moderateOneImage(config: { baseURL: string; apiKey: string; model: string }, jpeg: Buffer, calls: number): Promise<number[]> {
  const client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, maxRetries: 0, timeout: 60_000 })
  const input = [{ type: 'image_url' as const, image_url: { url: `data:image/jpeg;base64,${jpeg.toString('base64')}` } }]
  const times: number[] = []
  for (let i = 0; i <= calls; i++) {
    const t0 = performance.now()
    const reply = await client.moderations.create({ model: config.model, input })
    if (reply.results.length !== 1 || !reply.results[0]?.category_scores) throw new Error(`the endpoint scored nothing: ${JSON.stringify(reply)}`)
    if (i > 0) times.push(performance.now() - t0)
  }
  return times
}
