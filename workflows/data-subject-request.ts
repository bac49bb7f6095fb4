/**
 * A data subject request under a statutory clock. The clock runs beside the work: reminders to compliance at 10 and
 * 5 days left, an escalation at 2, an alarm when overdue; an extension (allowed by the jurisdiction, with a reason)
 * moves every one of them. The requester is verified before anything is released or erased. Erasure goes system by
 * system; what a legal hold covers is withheld with its reason and end, and a durable timer (or the release of an
 * undated hold) finishes it. The payloads of this workflow carry ids and counts only, never personal data.
 */
import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow'
import type { HoldView, PrivacyActivities } from '../activities/privacy/index.ts'
import { checkExtension, milestones, type Extension } from '../domain/privacy/clock.ts'
import { erasureResumesAt } from '../domain/privacy/holds.ts'
import {
  dsrExtendUpdate, dsrHoldsChangedSignal, dsrProgressQuery, dsrRejectUpdate, dsrVerifiedSignal,
  type DataSubjectRequestInput, type DataSubjectRequestResult, type DsrProgress,
} from './data-subject-request.contract.ts'

const act = proxyActivities<PrivacyActivities>({ startToCloseTimeout: '1m', retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '10m' } })
// gathering and erasing a large history streams many objects: heartbeats say it is alive
const heavy = proxyActivities<PrivacyActivities>({ startToCloseTimeout: '2h', heartbeatTimeout: '2m',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' } })

const DAY_MS = 86_400_000
/** How long a requester has to enter the mailed code before the request lapses. */
export const VERIFY_DAYS = 14
/** How often an erasure waiting on the person's running workflows looks again. */
const RUNNING_RECHECK_MS = 6 * 3_600_000

export async function dataSubjectRequest(input: DataSubjectRequestInput): Promise<DataSubjectRequestResult> {
  const { requestId } = input
  // handlers first: an update or query that arrives while the snapshot loads must find them
  let snap: Awaited<ReturnType<PrivacyActivities['dsrSnapshot']>> | null = null
  let receivedAt = new Date(0)
  let dueAt = new Date(0)
  let extensions: Extension[] = []
  let verified = false
  let rejected: string | null = null
  let started = false
  let done = false
  let clockMoved = false
  let holdsChanged = false
  const progress: DsrProgress = { stage: 'verifying', dueAt: '', resumesAt: null }
  const extensionCheck = (days: number, reason: string, now: Date) =>
    checkExtension(snap!.jurisdiction, { receivedAt, extensions, now }, days, reason)

  setHandler(dsrProgressQuery, () => progress)
  setHandler(dsrVerifiedSignal, () => { verified = true })
  setHandler(dsrHoldsChangedSignal, () => { holdsChanged = true })
  setHandler(dsrRejectUpdate, async ({ reason }) => {
    await condition(() => snap !== null)
    if (started || done) throw ApplicationFailure.create({ type: 'REQUEST_CLOSED', message: 'Work on this request has started; it can no longer be rejected.' })
    rejected = reason
    return { status: 'REJECTED' as const }
  }, { validator: ({ reason }) => {
    if (started || done) throw ApplicationFailure.create({ type: 'REQUEST_CLOSED', message: 'Work on this request has started; it can no longer be rejected.' })
    if (typeof reason !== 'string' || reason.trim().length < 10) throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: 'Give a reason of at least 10 characters.' })
  } })
  setHandler(dsrExtendUpdate, async ({ days, reason, by }) => {
    await condition(() => snap !== null)
    if (done || rejected !== null) throw ApplicationFailure.create({ type: 'REQUEST_CLOSED', message: 'The request is closed.' })
    const at = new Date()
    const check = extensionCheck(days, reason, at)
    if (!check.ok) throw ApplicationFailure.create({ type: check.code, message: check.message })
    extensions.push({ days, reason: reason.trim() })
    dueAt = check.dueAt
    progress.dueAt = dueAt.toISOString()
    clockMoved = true
    await act.dsrRecordExtension({ requestId, days, reason: reason.trim(), by, at: at.toISOString(), dueAt: dueAt.toISOString() })
    return { dueAt: dueAt.toISOString() }
  }, { validator: ({ days, reason }) => {
    if (done || rejected !== null) throw ApplicationFailure.create({ type: 'REQUEST_CLOSED', message: 'The request is closed.' })
    // before the snapshot is in, the handler checks (it waits for it)
    if (snap === null) return
    const check = extensionCheck(days, reason, new Date())
    if (!check.ok) throw ApplicationFailure.create({ type: check.code, message: check.message })
  } })

  const loaded = await act.dsrSnapshot(requestId)
  snap = loaded
  receivedAt = new Date(loaded.receivedAt)
  dueAt = new Date(loaded.dueAt)
  extensions = loaded.extensions
  verified = verified || loaded.verification === 'verified'
  started = loaded.status !== 'AWAITING_VERIFICATION'
  progress.stage = verified ? 'working' : 'verifying'
  progress.dueAt = dueAt.toISOString()

  // the statutory clock: each milestone once; a moved deadline moves the ones still ahead
  const clock = async () => {
    const fired = new Set<string>()
    const startedAt = new Date().getTime()
    while (!done) {
      const next = milestones(receivedAt, dueAt).find((m) => !fired.has(`${m.kind}@${m.at.toISOString()}`))
      if (!next) {
        await condition(() => done || clockMoved)
        clockMoved = false
        continue
      }
      const wait = next.at.getTime() - new Date().getTime()
      if (wait > 0 && await condition(() => done || clockMoved, wait)) {
        clockMoved = false
        continue
      }
      if (done) return
      fired.add(`${next.kind}@${next.at.toISOString()}`)
      // a reminder that fell due before this run began is stale; an overdue request is always raised
      if (next.at.getTime() >= startedAt - DAY_MS || next.kind === 'overdue') {
        await act.dsrMilestone({ requestId, milestone: next.kind, dueAt: dueAt.toISOString(), kind: loaded.kind, jurisdiction: loaded.jurisdiction })
      }
    }
  }
  const clockRun = loaded.status === 'WAITING_ON_HOLD' ? Promise.resolve() : clock()

  if (!started) {
    await act.dsrNotify({ requestId, notice: 'received' })
    const answered = await condition(() => verified || rejected !== null, VERIFY_DAYS * DAY_MS)
    if (!answered || rejected !== null || !verified) {
      done = true
      await act.dsrSetStatus({ requestId, status: 'REJECTED', rejectedReason: rejected ?? `The requester was not verified within ${VERIFY_DAYS} days.` })
      await act.dsrNotify({ requestId, notice: 'rejected' })
      progress.stage = 'done'
      await condition(allHandlersFinished)
      return { status: 'REJECTED' }
    }
    started = true
    await act.dsrSetStatus({ requestId, status: 'IN_PROGRESS' })
  }
  progress.stage = 'working'

  if (loaded.kind === 'access') await heavy.dsrExportArchive({ requestId, personRef: loaded.personRef })
  else if (loaded.kind === 'rectification') await act.dsrRectify({ requestId, personRef: loaded.personRef })
  else {
    let firstPass = loaded.status !== 'WAITING_ON_HOLD'
    for (;;) {
      // a release signalled during a pass must not be lost: the flag is cleared before the holds are read
      holdsChanged = false
      const { running } = await act.dsrCloseOpenWork({ requestId, personRef: loaded.personRef })
      const holds: HoldView[] = await act.dsrEvaluateHolds({ personRef: loaded.personRef })
      await heavy.dsrEraseSearch({ requestId, personRef: loaded.personRef, holds })
      await heavy.dsrEraseStorage({ requestId, personRef: loaded.personRef, holds })
      await act.dsrPseudonymizeLedger({ requestId, personRef: loaded.personRef, holds })
      await act.dsrErasePostgres({ requestId, personRef: loaded.personRef, holds })
      const shred = await act.dsrShredKey({ requestId, personRef: loaded.personRef, holds, running })
      const resumes = erasureResumesAt(holds.map((h) => ({ ...h, until: h.until ? new Date(h.until) : null })))
      if (resumes === null && shred.status === 'DONE') break
      // the statutory answer: done but for what the law keeps, each item with its reason and end
      if (firstPass) {
        await act.dsrIssueReceipt({ requestId, final: false })
        await act.dsrSetStatus({ requestId, status: 'WAITING_ON_HOLD' })
        firstPass = false
        done = true // the clock stops: the request is answered
      }
      progress.stage = 'waiting_on_hold'
      const wakeAt = resumes instanceof Date ? resumes.getTime() : null
      const waitMs = running.length > 0 ? RUNNING_RECHECK_MS : wakeAt !== null ? Math.max(1000, wakeAt - new Date().getTime()) : null
      progress.resumesAt = wakeAt !== null ? new Date(wakeAt).toISOString() : resumes === 'on_release' ? 'on_release' : null
      if (waitMs === null) await condition(() => holdsChanged)
      else await condition(() => holdsChanged, waitMs)
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished)
        await continueAsNew<typeof dataSubjectRequest>(input)
      }
    }
  }

  done = true
  await act.dsrIssueReceipt({ requestId, final: true })
  await act.dsrSetStatus({ requestId, status: 'COMPLETED' })
  progress.stage = 'done'
  await clockRun
  await condition(allHandlersFinished)
  return { status: 'COMPLETED' }
}
