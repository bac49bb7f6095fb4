/** The human side of ingestMedia: the review queue with its SLA, machine rejections, appeals and the quarantine window. */
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow'
import { REVIEW_REFUSALS, appealDecisionUpdate, appealUpdate, reviewDecisionUpdate, type AppealDecisionInput, type AppealInput, type IngestMediaOutput,
  type IngestProgress, type ReviewDecisionInput } from './ingest-media.contract.ts'
import { mediaRecords as rec, mediaWork as work } from './media-activities.ts'

const HOUR_MS = 3_600_000
const refuse = (message: string, code: string) => ApplicationFailure.create({ message, type: code, nonRetryable: true })

export type Decided = { outcome: 'approved' } | { outcome: 'rejected'; reason: string }

export function createReviewDesk({ mediaId, creatorId, progress, reviewSlaHours, appealWindowDays }:
  { mediaId: string; creatorId: () => string; progress: IngestProgress; reviewSlaHours: number; appealWindowDays: number }) {
  const decisions: ReviewDecisionInput[] = []
  const appealDecisions: AppealDecisionInput[] = []
  let appeal: { reason: string; actorId: string } | null = null
  let appealDeadline: number | null = null
  let decidedBy: string | null = null
  // a final decision is taken once: the next one is refused at once instead of being accepted and never applied
  let decisionTaken = false
  let appealDecisionTaken = false
  const escalatedBy = new Set<string>()
  let rounds = 0
  const now = () => new Date().getTime()
  const notOwn = (actorId: string) => {
    if (actorId === creatorId()) throw refuse('You cannot decide on your own upload.', REVIEW_REFUSALS.ownUpload)
  }

  setHandler(reviewDecisionUpdate, (d) => {
    if (d.decision !== 'escalate') decisionTaken = true
    else escalatedBy.add(d.actorId)
    decisions.push(d)
    return { accepted: true as const }
  }, { validator: (d: ReviewDecisionInput) => {
    if (progress.stage !== 'in_review' || progress.appealed || decisionTaken) throw refuse('This item is not waiting for a review decision.', REVIEW_REFUSALS.notInReview)
    notOwn(d.actorId)
    // an escalation asks for someone else: the moderator who escalated does not decide it themselves
    if (d.decision !== 'escalate' && escalatedBy.has(d.actorId)) throw refuse('You escalated this item: another moderator decides it.', REVIEW_REFUSALS.ownEscalation)
  } })
  setHandler(appealUpdate, (a) => { appeal = a; return { accepted: true as const } }, { validator: (_a: AppealInput) => {
    if (progress.stage !== 'rejected' || appeal) throw refuse('Only a rejected item can be appealed, once.', REVIEW_REFUSALS.notAppealable)
    if (appealDeadline === null || now() > appealDeadline) throw refuse('The appeal window has closed.', REVIEW_REFUSALS.appealWindowClosed)
  } })
  setHandler(appealDecisionUpdate, (d) => { appealDecisionTaken = true; appealDecisions.push(d); return { accepted: true as const } }, { validator: (d) => {
    if (progress.stage !== 'in_review' || !progress.appealed || appealDecisionTaken) throw refuse('This item has no appeal waiting for a decision.', REVIEW_REFUSALS.notAppealed)
    notOwn(d.actorId)
    if (d.actorId === decidedBy) throw refuse('A different moderator must decide the appeal of your own decision.', REVIEW_REFUSALS.ownDecision)
  } })

  /** Waits for a moderator; past the SLA the item is escalated once (compliance is mailed) and keeps waiting. */
  async function awaitDecision<T>(queue: T[], isEscalation: (d: T) => boolean, asAppeal: boolean): Promise<T> {
    progress.stage = 'in_review'
    progress.percent = 100
    const dueAt = new Date(now() + reviewSlaHours * HOUR_MS).toISOString()
    if (!asAppeal) await rec.openReview({ mediaId, dueAt })
    let overdue = false
    for (;;) {
      // once overdue (escalated once), wait without a deadline: condition() without a timeout resolves to void, not true
      const arrived = overdue ? (await condition(() => queue.length > 0), true) : await condition(() => queue.length > 0, reviewSlaHours * HOUR_MS)
      if (!arrived) {
        overdue = true
        progress.escalated = true
        await rec.recordEscalation({ mediaId, actorId: null, reasonCode: 'SLA_MISSED', note: `no decision within ${reviewSlaHours} h` })
        await rec.notifyEscalation({ mediaId, reason: `no decision within ${reviewSlaHours} hours` })
        continue
      }
      const d = queue.shift()!
      if (!isEscalation(d)) return d
      const e = d as unknown as ReviewDecisionInput
      progress.escalated = true
      await rec.recordEscalation({ mediaId, actorId: e.actorId, reasonCode: e.reasonCode, note: e.note })
      await rec.notifyEscalation({ mediaId, reason: e.reasonCode })
    }
  }

  return {
    /** A moderator approves or rejects (escalations keep it in the queue, flagged). */
    async review(): Promise<Decided> {
      const d = await awaitDecision(decisions, (x) => x.decision === 'escalate', false)
      decidedBy = d.actorId
      if (d.decision === 'approve') {
        await rec.recordDecision({ mediaId, decision: 'approve', reasonCode: d.reasonCode, note: d.note, actorId: d.actorId })
        return { outcome: 'approved' }
      }
      appealDeadline = now() + appealWindowDays * 24 * HOUR_MS
      await rec.recordDecision({ mediaId, decision: 'reject', reasonCode: d.reasonCode, note: d.note, actorId: d.actorId,
        appealDeadline: new Date(appealDeadline).toISOString() })
      return { outcome: 'rejected', reason: d.reasonCode }
    },

    /** Rejected without a person (a machine block, a performer never verified): recorded like a decision, appealable. */
    async autoReject(reasonCode: string, note: string): Promise<Decided> {
      // no person decided this one: any moderator may decide its appeal, including one who approved the item earlier
      decidedBy = null
      appealDeadline = now() + appealWindowDays * 24 * HOUR_MS
      await rec.recordDecision({ mediaId, decision: 'reject', reasonCode, note: note.slice(0, 1000), actorId: null,
        appealDeadline: new Date(appealDeadline).toISOString() })
      return { outcome: 'rejected', reason: reasonCode }
    },

    /** Quarantine: the creator may appeal until the window closes; then (or after a denied appeal) the outputs are purged. */
    async rejected(reason: string, sourceKey: string): Promise<IngestMediaOutput | Decided> {
      // each rejection may be appealed once: an appeal upheld earlier (then rejected again at the 2257 gate) does not count
      appeal = null
      appealDecisions.length = 0
      appealDecisionTaken = false
      rounds += 1
      progress.appealed = false
      progress.stage = 'rejected'
      progress.message = reason
      await rec.notifyCreator({ mediaId, notice: 'mediaRejected', reason, key: `rejected:${rounds}` })
      const left = Math.max(0, (appealDeadline ?? now()) - now())
      if (await condition(() => appeal !== null, left)) {
        const a = appeal!
        progress.appealed = true
        progress.escalated = false
        await rec.recordAppeal({ mediaId, actorId: a.actorId, reason: a.reason, dueAt: new Date(now() + reviewSlaHours * HOUR_MS).toISOString() })
        const d = await awaitDecision(appealDecisions, () => false, true)
        await rec.recordAppealDecision({ mediaId, uphold: d.uphold, note: d.note, actorId: d.actorId })
        if (d.uphold) return { outcome: 'approved' }
        progress.stage = 'rejected'
        await rec.notifyCreator({ mediaId, notice: 'mediaAppealDenied', reason: d.note, key: `appeal-denied:${rounds}` })
      }
      await work.removeMediaOutputs({ mediaId, sourceKey })
      await rec.recordPurged({ mediaId })
      return { status: 'REJECTED', reason }
    },
  }
}
export type ReviewDesk = ReturnType<typeof createReviewDesk>
