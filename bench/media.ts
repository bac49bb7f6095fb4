/**
 * The media pipeline on the stack's own workers and moderation endpoint against bare ffmpeg doing the same work on the
 * same machine, in one run: ingest wall time / bare ffmpeg (goal, issue 6: <= 1.15x), the ladder's realtime factor,
 * uploads per minute with two jobs at a time, and the moderation step's latency per item.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Client, Connection } from '@temporalio/client'
import pg from 'pg'
import { probeMedia, renderTestClip, sampleFrames } from '../activities/media/ffmpeg.ts'
import { chooseLadder, sampleTimes } from '../domain/media/ladder.ts'
import type { AppEnv, Stack } from '../ops/stack/stack.ts'
import { newVerifiedCreator } from '../test/support/people.ts'
import { setTestStack } from '../test/support/stack.ts'
import { loadWorkerConfig } from '../workers/config.ts'
import { ingestMediaWorkflowId } from '../workflows/ingest-media.contract.ts'
import { BENCH_BRAND, bareArtwork, bareLadder, ingestTimings, moderateOneImage, stageUpload, untilInReview } from './media-support.ts'
import { pct, pool } from './pool.ts'

const SECONDS = Number(process.env.BENCH_MEDIA_SECONDS ?? 20)
const UPLOADS = Number(process.env.BENCH_MEDIA_UPLOADS ?? 6)
const CLIP = { width: 1280, height: 720 }
const CONCURRENT_JOBS = 2
const FLOOR_CALLS = 5
// generous: a stuck item fails the run instead of hanging it
const ITEM_TIMEOUT_MS = Math.max(600, SECONDS * 30) * 1000

export async function benchMedia(env: AppEnv): Promise<void> {
  if (!Number.isInteger(SECONDS) || SECONDS < 2 || !Number.isInteger(UPLOADS) || UPLOADS < CONCURRENT_JOBS) {
    throw new Error(`BENCH_MEDIA_SECONDS must be a whole number >= 2 and BENCH_MEDIA_UPLOADS one >= ${CONCURRENT_JOBS}`)
  }
  // the configuration the stack's workers parsed at boot (they get process.env plus the stack's env): same ffmpeg, slots, endpoint
  const worker = loadWorkerConfig({ ...process.env, ...env })
  const paths = { ffmpegPath: worker.FFMPEG_PATH, ffprobePath: worker.FFPROBE_PATH }
  const dir = await mkdtemp(path.join(tmpdir(), 'fanz-bench-media-'))
  const clip = path.join(dir, 'clip.mp4')
  await renderTestClip(paths, clip, { seconds: SECONDS, ...CLIP, audio: true })
  const [bytes, probe] = await Promise.all([readFile(clip), probeMedia(paths, clip)])
  const ladder = chooseLadder(probe)
  if (!probe.audio || probe.video?.height !== CLIP.height || ladder.length < 2) throw new Error(`unexpected test clip: ${JSON.stringify(probe)}`)

  // the test helpers read only the stack's env (API, mail sink, KYC sandbox, database), which is all a bench is given
  setTestStack({ env } as Stack)
  const sql = new pg.Client({ connectionString: env.DATABASE_URL })
  await sql.connect()
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS })
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE })
  try {
    // baselines and the floor while the stack is idle; bare rungs run as many at a time as the media worker has slots
    const ladderSeconds = await bareLadder(paths, clip, ladder, worker.MEDIA_CONCURRENT_ACTIVITIES)
    const bareSeconds = ladderSeconds + await bareArtwork(paths, clip, probe.durationSeconds)
    const [frame] = await sampleFrames(paths, clip, sampleTimes(probe.durationSeconds, 1))
    const floor = (await moderateOneImage({ baseURL: worker.MODERATION_URL, apiKey: worker.MODERATION_API_KEY, model: worker.MODERATION_MODEL },
      frame!.jpeg, FLOOR_CALLS)).sort((a, b) => a - b)

    const creator = await newVerifiedCreator(BENCH_BRAND, 'Bea', 'Bench')
    // throughput: whole uploads (announce, parts, complete, ingest), two in flight at any time
    const batch: string[] = []
    const batchSeconds = await pool(Array.from({ length: UPLOADS }, (_, i) => i + 1), CONCURRENT_JOBS, async (n) => {
      const upload = await stageUpload(creator.token, bytes, `Bench clip ${n}`)
      await upload.complete()
      await untilInReview(sql, upload.id, ITEM_TIMEOUT_MS)
      batch.push(upload.id)
    })

    // then one upload alone, on warm workers: from the complete call (the signal that starts the work) to IN_REVIEW in the read model
    const alone = await stageUpload(creator.token, bytes, 'Bench clip alone')
    const t0 = performance.now()
    await alone.complete()
    await untilInReview(sql, alone.id, ITEM_TIMEOUT_MS)
    const aloneSeconds = (performance.now() - t0) / 1000

    const ids = [alone.id, ...batch]
    await assertIngested(sql, ids, ladder.map((r) => r.name))
    const timings = await Promise.all(ids.map((id) => ingestTimings(client, ingestMediaWorkflowId(id))))
    const own = timings[0]!
    const ms = (values: number[]) => { const s = [...values].sort((a, b) => a - b); return `p50 ${pct(s, 50).toFixed(0)}, max ${s.at(-1)!.toFixed(0)}` }
    const perMinute = (UPLOADS / batchSeconds) * 60
    const ratio = (s: number) => `${(s / bareSeconds).toFixed(2)}x`

    console.log(`\nMedia ingest vs bare ffmpeg, ${SECONDS} s ${CLIP.width}x${CLIP.height} test clip with audio, ladder ${ladder.map((r) => r.name).join('/')}, `
      + `${worker.MEDIA_CONCURRENT_ACTIVITIES} media activities at a time, same machine, one run:`)
    console.log(`  bare ffmpeg, ladder only                 ${ladderSeconds.toFixed(1)} s   ladder realtime factor ${(probe.durationSeconds / ladderSeconds).toFixed(2)}x (clip s / ladder s)`)
    console.log(`  bare ffmpeg, ladder + artwork            ${bareSeconds.toFixed(1)} s`)
    console.log(`  ingest alone, complete -> IN_REVIEW      ${aloneSeconds.toFixed(1)} s   ratio ${ratio(aloneSeconds)} of bare ladder + artwork (goal <= 1.15x)`)
    console.log(`  same ingest per its history              ${(own.ingestMs / 1000).toFixed(1)} s   ratio ${ratio(own.ingestMs / 1000)} (uploadCompleted signal -> openReview done)`)
    console.log(`  same ingest less its moderateMedia       ${(aloneSeconds - own.moderationMs / 1000).toFixed(1)} s   ratio ${ratio(aloneSeconds - own.moderationMs / 1000)} (without the step bare ffmpeg has no counterpart for)`)
    console.log(`  uploads/min, ${CONCURRENT_JOBS} jobs at a time           ${perMinute.toFixed(2)}   ${UPLOADS} uploads to IN_REVIEW in ${batchSeconds.toFixed(1)} s; `
      + `ratio ${(perMinute / (60 / aloneSeconds)).toFixed(2)}x one job at a time (60 / ingest alone)`)
    console.log(`  moderateMedia per item, ms               ${ms(timings.map((t) => t.moderationMs))} scheduled -> completed; `
      + `${ms(timings.map((t) => t.moderationRunMs))} running (${ids.length} items, from their histories)`)
    console.log(`  moderation endpoint, one image, ms       ${ms(floor)} (floor: direct openai client call, ${FLOOR_CALLS} calls after a warm-up)`)
  } finally {
    setTestStack(undefined)
    await Promise.all([sql.end(), connection.close(), rm(dir, { recursive: true, force: true })])
  }
}

/** Every item is IN_REVIEW with the ladder the bare run made and its artwork: the figures measured real ingests. */
async function assertIngested(sql: pg.Client, ids: string[], rungs: string[]): Promise<void> {
  const rows = (await sql.query('SELECT id, status, renditions, artwork FROM media_items WHERE id = ANY($1)', [ids])).rows as
    { id: string; status: string; renditions: { name: string }[]; artwork: unknown }[]
  const want = [...rungs].sort().join(',')
  const wrong = rows.filter((r) => r.status !== 'IN_REVIEW' || !r.artwork || r.renditions.map((x) => x.name).sort().join(',') !== want)
  if (rows.length !== ids.length || wrong.length) {
    throw new Error(`expected ${ids.length} items IN_REVIEW with renditions ${want} and artwork; found ${rows.length}, wrong: ${JSON.stringify(wrong)}`)
  }
}
