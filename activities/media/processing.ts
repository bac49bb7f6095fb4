/** Activities of ingestMedia: verify, probe, transcode one rung, artwork, master playlist, cleanup. Keys are deterministic: a retry overwrites. */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import {
  masterPlaylist, measureBandwidth, previewWindow, sampleTimes, sourceProblem, spriteLayout, spriteVtt, unreadableMessage,
  type Rendition, type Variant,
} from '../../domain/media/ladder.ts'
import { formatBytes } from '../../domain/media/upload-policy.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { INGEST_ERRORS } from '../../workflows/ingest-media.contract.ts'
import type { StorageClient } from '../storage/client.ts'
import {
  MediaReadError, probeMedia, renderPreview, renderSprite, renderThumbnail, transcodeRendition as transcodeHls,
  type FfmpegPaths, type HlsOutput, type ProbeSummary,
} from './ffmpeg.ts'
import { localSource, removeLocal } from './source-cache.ts'

export type MediaProcessingDeps = { storage: StorageClient; ffmpeg: FfmpegPaths; workDir: string }
export type TranscodedRendition = Variant & { averageBandwidth: number; codecs: string; segments: number }
export type Artwork = { thumbKey: string; spriteKey: string; spriteVttKey: string; previewKey: string }

const MEDIA = BUCKETS.media.name
const UPLOADS = BUCKETS.uploads.name
export const mediaKey = (mediaId: string, name: string) => `media/${mediaId}/${name}`
const fail = (code: (typeof INGEST_ERRORS)[keyof typeof INGEST_ERRORS], message: string) => ApplicationFailure.nonRetryable(message, code)

export function createMediaProcessingActivities({ storage, ffmpeg, workDir }: MediaProcessingDeps) {
  const source = (key: string) => mkdir(workDir, { recursive: true }).then(() => localSource(storage, key, workDir))
  const scratch = async (label: string) => { await mkdir(workDir, { recursive: true }); return mkdtemp(path.join(workDir, `${label}-`)) }

  return {
    /** Checks that the whole upload arrived unchanged: the stored size and sha256 match what the creator's browser announced. */
    async verifySource({ sourceKey, sizeBytes, sha256 }: { sourceKey: string; sizeBytes: number; sha256: string }): Promise<{ sizeBytes: number }> {
      const stored = await storage.statObject(UPLOADS, sourceKey).catch((err: { code?: string }) => {
        if (err.code === 'NotFound' || err.code === 'NoSuchKey') return null
        throw err
      })
      if (!stored) throw fail(INGEST_ERRORS.truncated, 'We did not receive your file. Upload it again.')
      if (stored.size !== sizeBytes) {
        throw fail(INGEST_ERRORS.truncated, stored.size < sizeBytes
          ? `Only ${sizes(stored.size, sizeBytes)} arrived. Upload the file again.`
          : `We received ${sizes(stored.size, sizeBytes).replace(' of ', ', not the ')} your browser announced. Upload the file again.`)
      }
      if (await hashObject(storage, sourceKey, sizeBytes) !== sha256.toLowerCase()) {
        throw fail(INGEST_ERRORS.checksumMismatch, 'The file we received is not the file you picked (it was damaged on the way). Upload it again.')
      }
      return { sizeBytes: stored.size }
    },

    /** Reads the source's streams and refuses what we cannot publish, with a reason the creator can act on. */
    async probeSource({ sourceKey }: { sourceKey: string }): Promise<ProbeSummary> {
      const probe = await withHeartbeat(async () => probeMedia(ffmpeg, await source(sourceKey))).catch((err: unknown) => {
        throw err instanceof MediaReadError ? fail(INGEST_ERRORS.unreadable, unreadableMessage(err.reason)) : err
      })
      const problem = sourceProblem(probe)
      if (problem) throw fail(problem.code, problem.message)
      return probe
    },

    /** Transcodes one rung to HLS and stores it under media/<id>/hls/<rung>/ (playlist last); heartbeats { name, percent } (the API shows it). */
    async transcodeRendition({ mediaId, sourceKey, rendition }: { mediaId: string; sourceKey: string; rendition: Rendition }): Promise<TranscodedRendition> {
      const { cancellationSignal: signal } = Context.current()
      const progress = { name: rendition.name, percent: 0 }
      const outDir = await scratch(`hls-${mediaId}-${rendition.name}`)
      try {
        const out = await withHeartbeat(async () => transcodeHls(ffmpeg, await source(sourceKey), outDir, rendition,
          { signal, onProgress: (p) => { progress.percent = Math.floor(p) } }), progress)
        await withHeartbeat(() => uploadHls(storage, mediaKey(mediaId, `hls/${rendition.name}/`), out, signal), progress)
        return { name: rendition.name, width: out.width, height: out.height, ...measureBandwidth(out.segments), codecs: out.codecs, segments: out.segments.length }
      } finally {
        await rm(outDir, { recursive: true, force: true })
      }
    },

    /** Renders and stores the poster, the scrub sprite with its WebVTT track, and the silent teaser clip. */
    async renderArtwork({ mediaId, sourceKey, durationSeconds }: { mediaId: string; sourceKey: string; durationSeconds: number }): Promise<Artwork> {
      const { cancellationSignal: signal } = Context.current()
      const dir = await scratch(`art-${mediaId}`)
      const file = (name: string) => path.join(dir, name)
      try {
        await withHeartbeat(async () => {
          const input = await source(sourceKey)
          const layout = spriteLayout(durationSeconds, (await probeMedia(ffmpeg, input)).video ?? undefined)
          await renderThumbnail(ffmpeg, input, file('thumb.jpg'), sampleTimes(durationSeconds, 1)[0] ?? 0, { signal })
          await renderSprite(ffmpeg, input, file('sprite.jpg'), layout, { signal })
          await writeFile(file('sprite.vtt'), spriteVtt(layout, 'sprite.jpg'))
          await renderPreview(ffmpeg, input, file('preview.mp4'), previewWindow(durationSeconds), { signal })
        })
        const types = { 'thumb.jpg': 'image/jpeg', 'sprite.jpg': 'image/jpeg', 'sprite.vtt': 'text/vtt', 'preview.mp4': 'video/mp4' }
        for (const [name, type] of Object.entries(types)) {
          signal.throwIfAborted()
          await storage.fPutObject(MEDIA, mediaKey(mediaId, name), file(name), { 'Content-Type': type })
        }
        const key = (name: keyof typeof types) => mediaKey(mediaId, name)
        return { thumbKey: key('thumb.jpg'), spriteKey: key('sprite.jpg'), spriteVttKey: key('sprite.vtt'), previewKey: key('preview.mp4') }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },

    /** Stores the HLS master playlist over the finished renditions; returns its key. */
    async writeMasterPlaylist({ mediaId, renditions }: { mediaId: string; renditions: Variant[] }): Promise<string> {
      const key = mediaKey(mediaId, 'hls/master.m3u8')
      const body = Buffer.from(masterPlaylist(renditions))
      await storage.putObject(MEDIA, key, body, body.length, { 'Content-Type': 'application/vnd.apple.mpegurl' })
      return key
    },

    /** Deletes every output of an item (and its source and this worker's copy when given); safe to repeat. `removed` counts outputs. */
    async removeMediaOutputs({ mediaId, sourceKey }: { mediaId: string; sourceKey?: string }): Promise<{ removed: number }> {
      const keys: string[] = []
      for await (const item of storage.listObjectsV2(MEDIA, mediaKey(mediaId, ''), true)) if (item.name) keys.push(item.name)
      for (let i = 0; i < keys.length; i += 1000) await storage.removeObjects(MEDIA, keys.slice(i, i + 1000))
      if (sourceKey) {
        await storage.removeObject(UPLOADS, sourceKey)
        await removeLocal(sourceKey, workDir)
      }
      return { removed: keys.length }
    },

    /** Frees this worker's local copy of a source once the ingest no longer needs it. */
    async removeLocalSource({ sourceKey }: { sourceKey: string }): Promise<void> {
      await removeLocal(sourceKey, workDir)
    },
  }
}

export type MediaProcessingActivities = ReturnType<typeof createMediaProcessingActivities>

/** "1.2 MiB of 3.4 MiB", in exact bytes when the rounded sizes would read the same. */
function sizes(got: number, expected: number): string {
  const [a, b] = [formatBytes(got), formatBytes(expected)]
  return a === b ? `${got.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes` : `${a} of ${b}`
}

/** Runs `work` while heartbeating `details` every second, so long steps stay alive and receive cancellation. */
export async function withHeartbeat<T>(work: () => Promise<T>, details: object = {}): Promise<T> {
  const ctx = Context.current()
  ctx.heartbeat(details)
  const timer = setInterval(() => ctx.heartbeat(details), 1000)
  try {
    return await work()
  } finally {
    clearInterval(timer)
  }
}

async function hashObject(storage: StorageClient, key: string, sizeBytes: number): Promise<string> {
  const { cancellationSignal: signal } = Context.current()
  const hash = createHash('sha256')
  const progress = { percent: 0 }
  let read = 0
  return withHeartbeat(async () => {
    for await (const chunk of await storage.getObject(UPLOADS, key)) {
      signal.throwIfAborted()
      hash.update(chunk as Buffer)
      read += (chunk as Buffer).length
      progress.percent = sizeBytes > 0 ? Math.floor((read * 100) / sizeBytes) : 100
    }
    return hash.digest('hex')
  }, progress)
}

/** Segments first, a few at a time, then the playlist: a stored playlist never names a missing segment. */
async function uploadHls(storage: StorageClient, prefix: string, out: HlsOutput, signal: AbortSignal): Promise<void> {
  const dir = path.dirname(out.playlist)
  for (let i = 0; i < out.segments.length; i += 4) {
    signal.throwIfAborted()
    await Promise.all(out.segments.slice(i, i + 4).map((s) =>
      storage.fPutObject(MEDIA, `${prefix}${s.file}`, path.join(dir, s.file), { 'Content-Type': 'video/mp2t' })))
  }
  signal.throwIfAborted()
  await storage.fPutObject(MEDIA, `${prefix}index.m3u8`, out.playlist, { 'Content-Type': 'application/vnd.apple.mpegurl' })
}
