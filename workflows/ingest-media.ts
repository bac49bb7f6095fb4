import { ActivityFailure, ApplicationFailure, CancellationScope, condition, isCancellation, setHandler } from '@temporalio/workflow'
import { chooseLadder } from '../domain/media/ladder.ts'
import { INGEST_ERRORS, ingestProgressQuery, uploadCompletedSignal, type IngestMediaInput, type IngestMediaOutput, type IngestProgress,
  type IngestStage } from './ingest-media.contract.ts'
import { mediaRecords as rec, mediaWork as work } from './media-activities.ts'
import { createReviewDesk } from './media-review.ts'
import { publishWhenCleared } from './media-publish.ts'

const STAGE_PERCENT: Partial<Record<IngestStage, number>> = { verifying: 2, probing: 5, transcoding: 10, artwork: 80, moderating: 90, in_review: 100 }
const INGEST_ERROR_TYPES: ReadonlySet<string> = new Set(Object.values(INGEST_ERRORS))

/** A creator-facing failure (corrupt file, checksum mismatch...) raised by an activity, or null for anything else. */
function ingestFailure(err: unknown): { code: string; message: string } | null {
  const cause = err instanceof ActivityFailure ? err.cause : err
  return cause instanceof ApplicationFailure && cause.type && INGEST_ERROR_TYPES.has(cause.type) ? { code: cause.type, message: cause.message } : null
}

/** One upload from the browser's last part to a published item: verify, probe, transcode, machine check, human review, 2257 gate, publish. */
export async function ingestMedia(input: IngestMediaInput): Promise<IngestMediaOutput> {
  const { mediaId } = input
  const progress: IngestProgress = { stage: 'verifying', percent: 0, renditions: [], message: null, escalated: false, appealed: false }
  const stage = (s: IngestStage) => { progress.stage = s; progress.percent = STAGE_PERCENT[s] ?? progress.percent }
  let uploaded = false
  setHandler(ingestProgressQuery, () => progress)
  setHandler(uploadCompletedSignal, () => { uploaded = true })
  let sourceKey: string | null = null
  let creatorId = ''
  const desk = createReviewDesk({ mediaId, creatorId: () => creatorId, progress, reviewSlaHours: input.reviewSlaHours ?? 24,
    appealWindowDays: input.appealWindowDays ?? 14 })

  try {
    if (!(await condition(() => uploaded, `${input.uploadWindowHours ?? 24} hours`))) {
      await rec.recordFailure({ mediaId, code: INGEST_ERRORS.uploadExpired, message: 'The upload was not finished in time; start it again.' })
      await rec.abandonUpload({ mediaId })
      return { status: 'FAILED', reason: INGEST_ERRORS.uploadExpired }
    }
    const facts = await rec.startIngest({ mediaId })
    sourceKey = facts.sourceKey
    creatorId = facts.creatorId
    const prepared = await prepare(mediaId, facts, progress, stage)
    if (prepared.failed) return prepared.failed
    const findings = prepared.findings
    await rec.recordFindings({ mediaId, findings, verdict: findings.verdict })
    // the 2257 state of each performer, so the moderator sees before deciding who still lacks a record
    await rec.checkPerformers({ mediaId })
    const decided = findings.verdict === 'block'
      ? await desk.autoReject(findings.blocklistMatches.length ? 'BLOCKLIST_MATCH' : 'POLICY_OTHER', findings.reasons.join('; '))
      : await desk.review()
    if (decided.outcome === 'rejected') {
      const afterAppeal = await desk.rejected(decided.reason, facts.sourceKey)
      if ('status' in afterAppeal) return afterAppeal
    }
    return await publishWhenCleared({ mediaId, invites: input.invites ?? [], stage, desk, sourceKey: facts.sourceKey })
  } catch (err) {
    if (!isCancellation(err)) throw err
    // the creator deleted the upload: remove whatever was written so far, even though this run is being cancelled
    await CancellationScope.nonCancellable(async () => {
      if (sourceKey) await work.removeMediaOutputs({ mediaId, sourceKey })
      else await rec.abandonUpload({ mediaId })
      await rec.deindexMedia({ mediaId })
      // the post goes too: a deletion during publishing must not leave it on sale
      await rec.unpublishMedia({ mediaId, status: 'DELETED', actorId: creatorId || null })
    })
    stage('deleted')
    return { status: 'DELETED', reason: 'deleted by the creator' }
  }

  /** Verify, probe, transcode, artwork and machine check; a creator-facing failure ends the run as FAILED. */
  async function prepare(id: string, facts: Awaited<ReturnType<typeof rec.startIngest>>, p: IngestProgress, to: typeof stage) {
    try {
      await work.verifySource({ sourceKey: facts.sourceKey, sizeBytes: facts.sizeBytes, sha256: facts.sha256 })
      to('probing')
      const probe = await work.probeSource({ sourceKey: facts.sourceKey })
      await rec.recordProbe({ mediaId: id, probe })
      to('transcoding')
      const ladder = chooseLadder(probe)
      p.renditions = ladder.map((r) => ({ name: r.name, height: r.height, percent: 0, state: 'running' }))
      // each rendition is its own activity with its own retries: one flaky rung does not redo the others
      const outputs = await Promise.all(ladder.map(async (rendition, i) => {
        try {
          const out = await work.transcodeRendition({ mediaId: id, sourceKey: facts.sourceKey, rendition })
          p.renditions[i] = { ...p.renditions[i]!, percent: 100, state: 'done' }
          p.percent = 10 + Math.round((70 * p.renditions.filter((r) => r.state === 'done').length) / ladder.length)
          return { out }
        } catch (err) {
          if (!isCancellation(err)) p.renditions[i] = { ...p.renditions[i]!, state: 'failed' }
          return { err }
        }
      }))
      // a deletion cancels every rung: rethrow only once all of them have stopped, so cleanup never races a rung still writing
      const cancelled = outputs.find((o) => 'err' in o && isCancellation(o.err))
      if (cancelled && 'err' in cancelled) throw cancelled.err
      const renditions = outputs.flatMap((o) => ('out' in o && o.out ? [o.out] : []))
      if (!renditions.length) throw ApplicationFailure.nonRetryable('Every rendition failed to transcode; try exporting the video again.', INGEST_ERRORS.transcodeFailed)
      to('artwork')
      const artwork = await work.renderArtwork({ mediaId: id, sourceKey: facts.sourceKey, durationSeconds: probe.durationSeconds })
      await work.writeMasterPlaylist({ mediaId: id, renditions })
      await rec.recordOutputs({ mediaId: id, renditions, artwork })
      to('moderating')
      const findings = await work.moderateMedia({ mediaId: id, brand: facts.brand, sourceKey: facts.sourceKey, durationSeconds: probe.durationSeconds,
        title: facts.title, caption: facts.caption, tags: facts.tags })
      await work.removeLocalSource({ sourceKey: facts.sourceKey })
      return { findings }
    } catch (err) {
      if (isCancellation(err)) throw err
      // anything else (an outage outlasting the retries, a refused moderation call) fails the upload cleanly, never leaves it processing
      const failure = ingestFailure(err) ?? { code: 'PROCESSING_ERROR', message: 'Something went wrong on our side while processing this video. Please upload it again.' }
      p.message = failure.message
      to('failed')
      await rec.recordFailure({ mediaId: id, ...failure })
      await work.removeMediaOutputs({ mediaId: id, sourceKey: facts.sourceKey })
      await rec.notifyCreator({ mediaId: id, notice: 'mediaFailed', reason: failure.message, key: 'failed' })
      return { failed: { status: 'FAILED' as const, reason: failure.code } }
    }
  }
}
