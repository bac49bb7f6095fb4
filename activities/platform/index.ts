/** Activities of the platform self-check: one real round trip per dependency, keyed by the check's id. */
import { mkdtemp, rm } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { SEARCH_INDEXES } from '../../domain/search-indexes.ts'
import type { CheckResult, ProbeOutcome } from '../../workflows/check-platform.contract.ts'
import { probeMedia, renderTestClip, type FfmpegPaths } from '../media/ffmpeg.ts'
import type { SearchClient } from '../search/client.ts'
import type { StorageClient } from '../storage/client.ts'

export type PlatformDeps = { db: Db; storage: StorageClient; search: SearchClient; ffmpeg: FfmpegPaths; taskQueue: string }

async function timed(run: () => Promise<string>): Promise<ProbeOutcome> {
  const start = performance.now()
  const detail = await run()
  return { latencyMs: Math.round((performance.now() - start) * 10) / 10, detail }
}

const mismatch = (what: string) => ApplicationFailure.nonRetryable(`${what} read back differs from what was written`, 'PROBE_MISMATCH')

export function createPlatformActivities({ db, storage, search, ffmpeg, taskQueue }: PlatformDeps) {
  return {
    /** Marks a check as running in the back office's read model. */
    async recordPlatformCheckStarted(input: { checkId: string; workflowId: string; runId: string; requestedById: string | null }): Promise<void> {
      await db.platformCheck.upsert({
        where: { workflowId: input.workflowId },
        create: { id: input.checkId, workflowId: input.workflowId, runId: input.runId, requestedById: input.requestedById },
        update: { runId: input.runId },
      })
    },

    /** Stores the outcome of a check for the back office. */
    async recordPlatformCheckFinished(input: { workflowId: string; ok: boolean; checks: CheckResult[] }): Promise<void> {
      await db.platformCheck.update({
        where: { workflowId: input.workflowId },
        data: { status: 'COMPLETED', ok: input.ok, checks: input.checks, finishedAt: new Date() },
      })
    },

    /** Writes a row, reads it back, deletes it. */
    async probePostgres({ key }: { key: string }): Promise<ProbeOutcome> {
      return timed(async () => {
        const value = `probe ${key} at ${new Date().toISOString()}`
        await db.opsProbe.upsert({ where: { key }, create: { key, value }, update: { value } })
        const row = await db.opsProbe.findUnique({ where: { key } })
        if (row?.value !== value) throw mismatch('PostgreSQL row')
        await db.opsProbe.delete({ where: { key } })
        return 'row written, read back and deleted'
      })
    },

    /** Puts an object, reads it back, deletes it. */
    async probeObjectStorage({ key }: { key: string }): Promise<ProbeOutcome> {
      return timed(async () => {
        const bucket = BUCKETS.ops.name
        const object = `platform-checks/${key}.txt`
        const body = `probe ${key}`
        await storage.putObject(bucket, object, Buffer.from(body), body.length, { 'Content-Type': 'text/plain' })
        const stream = await storage.getObject(bucket, object)
        const chunks: Buffer[] = []
        for await (const chunk of stream) chunks.push(chunk as Buffer)
        if (Buffer.concat(chunks).toString() !== body) throw mismatch('MinIO object')
        await storage.removeObject(bucket, object)
        return `object put, read back and deleted in ${bucket}`
      })
    },

    /** Indexes a document, finds it by full-text search, deletes it. */
    async probeSearch({ key }: { key: string }): Promise<ProbeOutcome> {
      return timed(async () => {
        const index = SEARCH_INDEXES.ops
        const token = `probe${key.replace(/\W/g, '')}`
        await search.index({ index, id: key, body: { checkId: key, note: `platform ${token}`, at: new Date().toISOString() }, refresh: true })
        const { body } = await search.search({ index, body: { query: { match: { note: token } } } })
        const hits = body.hits.hits as { _id: string }[]
        if (!hits.some((h) => h._id === key)) throw mismatch('OpenSearch document')
        await search.delete({ index, id: key, refresh: true })
        return `document indexed, found and deleted in ${index}`
      })
    },

    /** Renders a one-second clip with ffmpeg and probes it with ffprobe (latency covers both). */
    async probeFfmpeg({ key }: { key: string }): Promise<ProbeOutcome> {
      const dir = await mkdtemp(path.join(tmpdir(), 'fanz-probe-'))
      try {
        const clip = path.join(dir, `${key.replace(/\W/g, '_')}.mp4`)
        return await timed(async () => {
          await renderTestClip(ffmpeg, clip)
          const info = await probeMedia(ffmpeg, clip)
          if (!info.video || !info.audio || info.durationSeconds < 0.9) throw mismatch('ffprobe summary')
          return `${info.video.codec} ${info.video.width}x${info.video.height} + ${info.audio.codec}, ${info.durationSeconds.toFixed(2)} s`
        })
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },

    /** Answers from whichever worker polls this task queue. */
    async pingWorker(): Promise<ProbeOutcome> {
      return timed(async () => `${taskQueue} worker on ${hostname()} pid ${process.pid}`)
    },
  }
}
