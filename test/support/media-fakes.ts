/** Fake activities of ingestMedia and verifyCoPerformer recording every call (with its server time), for workflow tests. */
import { setTimeout as delay } from 'node:timers/promises'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import type { MediaProcessingActivities } from '../../activities/media/processing.ts'
import type { MediaPublishingActivities, MissingPerformer } from '../../activities/media/publishing.ts'
import type { IngestFacts, MediaRecordActivities } from '../../activities/media/records.ts'
import type { MediaUploadActivities } from '../../activities/media/uploads.ts'
import type { ModerationActivities } from '../../activities/moderation/index.ts'
import type { BlocklistMatch, Findings } from '../../domain/moderation/policy.ts'
import type { INGEST_ERRORS } from '../../workflows/ingest-media.contract.ts'

type MediaActivities = MediaProcessingActivities & ModerationActivities & MediaRecordActivities & MediaPublishingActivities & MediaUploadActivities
export type ActivityName = keyof MediaActivities
/** One activity call: its arguments and the test server's clock when it was scheduled. */
export type Call = { name: ActivityName; args: Record<string, unknown>; at: number }
/** How a held activity ended, and how many calls had been recorded by then (to order it against later calls). */
export type Ended = { name: ActivityName; label: string; outcome: 'released' | 'cancelled'; afterCalls: number }
type IngestError = { code: (typeof INGEST_ERRORS)[keyof typeof INGEST_ERRORS]; message: string }

export type MediaFakeOptions = {
  /** completed PPV sales of the item (a takedown freezes and, if final, refunds them) */
  sales?: { purchaseId: string; workflowId: string }[]
  /** verifySource / probeSource refuse the source permanently with this creator-facing error */
  failVerify?: IngestError
  failProbe?: IngestError
  /** the probed video size (default 1280x720: rungs 240p, 360p, 480p, 720p) */
  video?: { width: number; height: number }
  /** rungs whose transcode fails permanently (a non-retryable FFMPEG_FAILED) */
  failRenditions?: string[]
  /** the machine check's verdict (default review) and its block-list matches */
  verdict?: Findings['verdict']
  blocklistMatches?: BlocklistMatch[]
  /** performers checkPerformers reports missing until `verify(performerId)` */
  missing?: MissingPerformer[]
  /** activities that heartbeat until `release(name)` or until cancelled */
  hold?: ActivityName[]
  /** real milliseconds a cancelled held transcode of that rung takes to stop (ffmpeg winding down, segments in flight) */
  stopMs?: Record<string, number>
}

export const FACTS: IngestFacts = { brand: 'boyfanz', creatorId: 'creator-1', sourceKey: 'uploads/creator-1/clip.mp4', sizeBytes: 5_000_000,
  sha256: 'ab'.repeat(32), title: 'Poolside', caption: 'Summer', tags: ['pool', 'summer'], status: 'PROCESSING' }

export function mediaFakes(opts: MediaFakeOptions = {}) {
  const calls: Call[] = []
  const ended: Ended[] = []
  const released = new Set<ActivityName>()
  const verified = new Set<string>()
  const video = opts.video ?? { width: 1280, height: 720 }

  /** Keeps a held activity alive (heartbeating) until released; a cancellation takes `stopMs` to finish, then rethrows. */
  async function holdIfAsked(name: ActivityName, label: string) {
    if (!opts.hold?.includes(name)) return
    const ctx = Context.current()
    try {
      while (!released.has(name)) { ctx.heartbeat({ label }); await ctx.sleep(20) }
      ended.push({ name, label, outcome: 'released', afterCalls: calls.length })
    } catch (err) {
      await delay(opts.stopMs?.[label] ?? 0)
      ended.push({ name, label, outcome: 'cancelled', afterCalls: calls.length })
      throw err
    }
  }
  const rec = <A extends object, R>(name: ActivityName, result: (args: A) => R, label = (_a: A) => name as string) => async (args: A): Promise<Awaited<R>> => {
    calls.push({ name, args: JSON.parse(JSON.stringify(args)) as Record<string, unknown>, at: Context.current().info.currentAttemptScheduledTimestampMs })
    await holdIfAsked(name, label(args))
    return await result(args)
  }
  const none = () => undefined
  const refuse = (e: IngestError | undefined) => { if (e) throw ApplicationFailure.nonRetryable(e.message, e.code) }

  const activities = {
    startIngest: rec('startIngest', () => FACTS),
    verifySource: rec('verifySource', (a: { sizeBytes: number }) => { refuse(opts.failVerify); return { sizeBytes: a.sizeBytes } }),
    probeSource: rec('probeSource', () => {
      refuse(opts.failProbe)
      return { durationSeconds: 95.5, sizeBytes: FACTS.sizeBytes, bitRate: 4_000_000, formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
        video: { codec: 'h264', ...video, fps: 30, rotation: 0, level: 40 }, audio: { codec: 'aac', channels: 2, sampleRate: 48_000 } }
    }),
    transcodeRendition: rec('transcodeRendition', ({ rendition: r }: { rendition: { name: string; width: number; height: number; videoKbps: number } }) => {
      if (opts.failRenditions?.includes(r.name)) throw ApplicationFailure.nonRetryable(`ffmpeg exited with code 1 on ${r.name}`, 'FFMPEG_FAILED')
      return { name: r.name, width: r.width, height: r.height, bandwidth: r.videoKbps * 1100, averageBandwidth: r.videoKbps * 1000,
        codecs: 'avc1.64001f,mp4a.40.2', segments: 16 }
    }, (a) => a.rendition.name),
    renderArtwork: rec('renderArtwork', ({ mediaId }: { mediaId: string }) => ({ thumbKey: `media/${mediaId}/thumb.jpg`,
      spriteKey: `media/${mediaId}/sprite.jpg`, spriteVttKey: `media/${mediaId}/sprite.vtt`, previewKey: `media/${mediaId}/preview.mp4` })),
    writeMasterPlaylist: rec('writeMasterPlaylist', ({ mediaId }: { mediaId: string }) => `media/${mediaId}/hls/master.m3u8`),
    removeMediaOutputs: rec('removeMediaOutputs', () => ({ removed: 42 })),
    removeLocalSource: rec('removeLocalSource', none),
    moderateMedia: rec('moderateMedia', ({ brand }: { brand: string }): Findings => {
      const blocklistMatches = opts.blocklistMatches ?? []
      const verdict = opts.verdict ?? 'review'
      const reasons = [...(verdict === 'pass' ? [] : [`sexual 0.97 reaches ${verdict} 0.9`]),
        ...blocklistMatches.map((m) => `frame at ${m.atSeconds.toFixed(1)} s matches block-listed ${m.category} content`)]
      return { verdict, categories: {}, reasons, frames: [], text: {}, blocklistMatches, policyVersion: 3, brand }
    }),
    recordProbe: rec('recordProbe', none),
    recordOutputs: rec('recordOutputs', none),
    recordFailure: rec('recordFailure', none),
    recordFindings: rec('recordFindings', none),
    openReview: rec('openReview', none),
    recordEscalation: rec('recordEscalation', none),
    recordDecision: rec('recordDecision', none),
    recordAppeal: rec('recordAppeal', none),
    recordAppealDecision: rec('recordAppealDecision', none),
    recordDeleted: rec('recordDeleted', none),
    recordPurged: rec('recordPurged', none),
    checkPerformers: rec('checkPerformers', () => (opts.missing ?? []).filter((m) => !verified.has(m.performerId))),
    inviteCoPerformer: rec('inviteCoPerformer', none),
    forgetCoPerformerInvite: rec('forgetCoPerformerInvite', none),
    publishMedia: rec('publishMedia', () => ({ publishedAt: new Date().toISOString() })),
    indexPublishedMedia: rec('indexPublishedMedia', none),
    deindexMedia: rec('deindexMedia', none),
    notifyCreator: rec('notifyCreator', none),
    notifyEscalation: rec('notifyEscalation', none),
    notifySubscribers: rec('notifySubscribers', () => ({ notified: 3 })),
    abandonUpload: rec('abandonUpload', none),
    unpublishMedia: rec('unpublishMedia', none),
    reinstateMedia: rec('reinstateMedia', none),
    salesOfMedia: rec('salesOfMedia', () => opts.sales ?? []),
    recordTakedownFinal: rec('recordTakedownFinal', none),
  } satisfies Partial<Record<ActivityName, (args: never) => Promise<unknown>>>

  const named = (name: ActivityName) => calls.filter((c) => c.name === name)
  return {
    calls, ended, activities, named,
    names: () => calls.map((c) => c.name),
    notices: () => named('notifyCreator').map((c) => c.args.notice as string),
    /** lets every current and later call of a held activity finish */
    release: (name: ActivityName) => { released.add(name) },
    /** the performer's 2257 record now exists: checkPerformers stops reporting them */
    verify: (performerId: string) => { verified.add(performerId) },
  }
}
export type MediaFakes = ReturnType<typeof mediaFakes>
