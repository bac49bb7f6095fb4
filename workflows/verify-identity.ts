import { condition, continueAsNew, proxyActivities, setHandler, sleep, uuid4, workflowInfo } from '@temporalio/workflow'
import type * as identity from '../activities/identity/index.ts'
import type { Assessment } from '../activities/identity/assess.ts'
import {
  decideUpdate, providerEventSignal, verificationStateQuery,
  type ComplianceDecision, type ProviderEventSignal, type VerifyIdentityInput, type VerifyIdentityState,
} from './verify-identity.contract.ts'

const { openKycRound, recordKycCase, assessVerification, createPerformerRecord, grantVerifiedAccess, escalateKycCase, sendPersonMail } =
  proxyActivities<ReturnType<typeof identity.createIdentityActivities>>({
    startToCloseTimeout: '1 minute', retry: { initialInterval: '2s', maximumInterval: '1 minute', maximumAttempts: 20 } })

const DAY = 86_400_000
type Outcome = Assessment

/** Verifies a person with the KYC provider: hosted session, reminders, expiry, resubmissions, compliance review, 2257 record, re-verification. */
export async function verifyIdentity(input: VerifyIdentityInput): Promise<VerifyIdentityState> {
  const { workflowId } = workflowInfo()
  const { timings, personId, brandSlug, purpose, caseId, round } = input
  const state: VerifyIdentityState = { caseId, round, status: 'awaiting_applicant', hostedUrl: null, resubmissions: 0, remindersSent: 0,
    reasonCode: null, reason: null, reverifyAt: null }
  const events: ProviderEventSignal[] = []
  const seen = new Set<string>()
  const inbox: { decision: ComplianceDecision | null } = { decision: null }
  let sessionId = ''
  setHandler(verificationStateQuery, () => state)
  setHandler(providerEventSignal, (e) => { if (!seen.has(e.eventId)) { seen.add(e.eventId); events.push(e) } })
  setHandler(decideUpdate, async (d) => {
    const before = state.status
    inbox.decision = d
    // answer once the decision took effect, so the operator sees the case's new status
    await condition(() => inbox.decision === null && state.status !== before)
    return state
  }, { validator: (d) => {
    const open = state.status === 'awaiting_applicant' || state.status === 'resubmission_requested' || state.status === 'review'
    if (!open) throw new Error(`the case is ${state.status}; it takes no more decisions`)
    if (d.decision !== 'decline' && state.status !== 'review') throw new Error(`only a case in review can be ${d.decision === 'approve' ? 'approved' : 'sent back'}`)
  } })

  const record = (extra: { decidedBy?: string; escalated?: boolean } = {}) => recordKycCase({ caseId, status: state.status,
    resubmissions: state.resubmissions, remindersSent: state.remindersSent, reasonCode: state.reasonCode, reason: state.reason, ...extra })
  const mail = (template: 'kycReminder' | 'kycDecision', key: string) => sendPersonMail({ idempotencyKey: `${workflowId}:${round}:${key}`,
    personId, brandSlug, template, data: { status: state.status, reason: state.reason ?? '', hostedUrl: state.hostedUrl ?? '' } })
  const openSession = async () => {
    const s = await openKycRound({ idempotencyKey: `${workflowId}:${round}:session:${state.resubmissions}`, caseId, personId, brandSlug,
      purpose, round, workflowId })
    sessionId = s.sessionId
    state.hostedUrl = s.hostedUrl
    return new Date().getTime()
  }
  // something to act on: a compliance decision, or an event of the session now open
  const wakeUp = () => inbox.decision !== null || events.some((e) => e.sessionId === sessionId)
  const nextEvent = () => {
    const i = events.findIndex((e) => e.sessionId === sessionId)
    return i < 0 ? undefined : events.splice(i, 1)[0]
  }
  const finish = async (status: 'approved' | 'declined' | 'expired', reasonCode: string | null, reason: string | null, decidedBy?: string) => {
    Object.assign(state, { status, reasonCode, reason })
    await record(decidedBy ? { decidedBy } : {})
    await mail('kycDecision', 'decision')
  }

  let openedAt = await openSession()
  let outcome: Outcome | null = null
  let decidedBy: string | undefined
  while (!outcome || outcome.outcome === 'resubmission' || outcome.outcome === 'review') {
    if (outcome?.outcome === 'resubmission') {
      if (state.resubmissions >= timings.maxResubmissions) { outcome = { ...outcome, outcome: 'declined', reasonCode: 'TOO_MANY_RESUBMISSIONS',
        reason: `The documents were sent back ${state.resubmissions} times; the limit is ${timings.maxResubmissions}.` }; break }
      state.resubmissions += 1
      Object.assign(state, { status: 'resubmission_requested', reasonCode: outcome.reasonCode, reason: outcome.reason })
      openedAt = await openSession()
      state.remindersSent = 0
      await record()
      await mail('kycDecision', `resubmission:${state.resubmissions}`)
      outcome = null
    }
    if (outcome?.outcome === 'review') {
      Object.assign(state, { status: 'review', reasonCode: outcome.reasonCode, reason: outcome.reason })
      await record()
      const reviewStarted = new Date().getTime()
      let escalated = false
      while (!wakeUp()) {
        const wait = escalated ? undefined : reviewStarted + timings.reviewSlaHours * 3_600_000 - new Date().getTime()
        if (wait === undefined) await condition(wakeUp)
        else if (!(await condition(wakeUp, Math.max(wait, 1)))) {
          escalated = true
          await escalateKycCase({ caseId, idempotencyKey: `${workflowId}:${round}:escalate` })
        }
      }
      outcome = null
    }
    const d = inbox.decision
    if (d) {
      decidedBy = d.operatorId
      outcome = { outcome: d.decision === 'approve' ? 'approved' : d.decision === 'decline' ? 'declined' : 'resubmission',
        reasonCode: d.reasonCode, reason: d.reason, documentValidUntil: null }
      if (d.decision === 'approve') outcome = { ...(await assessVerification({ caseId, sessionId, personId, acceptReview: true })), outcome: 'approved',
        reasonCode: d.reasonCode, reason: d.reason }
      inbox.decision = null
      continue
    }
    const event = nextEvent()
    if (event && (event.status === 'expired' || event.status === 'abandoned')) { outcome = { outcome: 'declined', reasonCode: 'SESSION_EXPIRED',
      reason: 'The verification session ended before it was finished.', documentValidUntil: null }; continue }
    if (event) { outcome = await assessVerification({ caseId, sessionId, personId, acceptReview: false }); continue }
    const due = timings.reminderDays[state.remindersSent]
    const deadline = openedAt + timings.expiryDays * DAY
    const wakeAt = due === undefined ? deadline : Math.min(openedAt + due * DAY, deadline)
    const woke = await condition(wakeUp, Math.max(wakeAt - new Date().getTime(), 1))
    if (woke) continue
    if (new Date().getTime() >= deadline) return (await finish('expired', 'NOT_COMPLETED', `The verification was not completed within ${timings.expiryDays} days.`), state)
    state.remindersSent += 1
    await record()
    await mail('kycReminder', `reminder:${state.remindersSent}`)
  }

  if (outcome.outcome === 'declined') return (await finish('declined', outcome.reasonCode, outcome.reason, decidedBy), state)
  if (purpose === 'creator') await createPerformerRecord({ caseId, personId, brandSlug })
  await grantVerifiedAccess({ caseId, personId, brandSlug, purpose })
  await finish('approved', outcome.reasonCode, outcome.reason, decidedBy)
  if (purpose !== 'creator' || !outcome.documentValidUntil) return state
  const reverifyAt = Date.parse(outcome.documentValidUntil) - timings.reverificationLeadDays * DAY
  state.reverifyAt = new Date(reverifyAt).toISOString()
  await sleep(Math.max(reverifyAt - new Date().getTime(), 1))
  return continueAsNew<typeof verifyIdentity>({ ...input, round: round + 1, caseId: uuid4() })
}
