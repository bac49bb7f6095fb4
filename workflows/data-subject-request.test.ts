import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { setTimeout as delay } from 'node:timers/promises'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import type { WorkflowHandle } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import { dsrFakes, holdView, PERSON_REF, REQUEST_ID, type DsrActivityName, type DsrCall, type DsrFakeOptions, type DsrFakes } from '../test/support/dsr-fakes.ts'
import { dataSubjectRequest, VERIFY_DAYS } from './data-subject-request.ts'
import { dsrExtendUpdate, dsrHoldsChangedSignal, dsrProgressQuery, dsrRejectUpdate, dsrVerifiedSignal, dsrWorkflowId, type DsrProgress } from './data-subject-request.contract.ts'
import { TASK_QUEUES } from './task-queues.ts'
import { refusal, near } from '../test/support/time-skipping.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const SECOND = 1000
const HOUR = 3_600_000
const DAY = 24 * HOUR
const WORKFLOW_ID = dsrWorkflowId(REQUEST_ID)
const REQ = { requestId: REQUEST_ID, personRef: PERSON_REF }
const ERASE_STEPS: DsrActivityName[] = ['dsrCloseOpenWork', 'dsrEvaluateHolds', 'dsrEraseSearch', 'dsrEraseStorage', 'dsrPseudonymizeLedger', 'dsrErasePostgres', 'dsrShredKey']
const REASON = 'the archive spans four systems and 9 years of history'

type Handle = WorkflowHandle<typeof dataSubjectRequest>

/**
 * Waits (in real time: the clock does not move meanwhile) until the workflow's progress matches. The run registers
 * its query and updates once it has read its request: until then a query fails and an update is refused.
 */
async function until(h: Handle, pred: (p: DsrProgress) => boolean = () => true): Promise<DsrProgress> {
  let last: DsrProgress | null = null
  for (let i = 0; i < 400; i++) {
    last = await h.query(dsrProgressQuery).catch(() => null)
    if (last && pred(last)) return last
    await delay(25)
  }
  throw new Error(`progress never reached; last: ${JSON.stringify(last)}`)
}

async function untilCalled(f: DsrFakes, name: DsrActivityName, count = 1): Promise<void> {
  for (let i = 0; i < 400 && f.named(name).length < count; i++) await delay(25)
  assert.ok(f.named(name).length >= count, `${name} called ${f.named(name).length} times, expected ${count}; calls: ${f.names().join(', ')}`)
}



const one = (f: DsrFakes, name: DsrActivityName): DsrCall => {
  const c = f.named(name)
  assert.equal(c.length, 1, `${name} called ${c.length} times; calls: ${f.names().join(', ')}`)
  return c[0]!
}
const iso = (ms: number) => new Date(ms).toISOString()
const extend = (h: Handle, days: number, reason = REASON) => h.executeUpdate(dsrExtendUpdate, { args: [{ days, reason, by: 'staff-1' }] })
const reject = (h: Handle, reason: string) => h.executeUpdate(dsrRejectUpdate, { args: [{ reason, by: 'staff-1' }] })

describe('dataSubjectRequest workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  // one environment per test: a request left waiting on its clock would move a shared one
  let env: TestWorkflowEnvironment
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  /** Runs one request to its end; `t0` is when the run read its request (the request was received then). */
  async function run<T>(opts: DsrFakeOptions, drive?: (h: Handle, f: DsrFakes) => Promise<T>) {
    const f = dsrFakes({ ...opts, now: () => env.currentTimeMs() })
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.core, workflowsPath, activities: f.activities,
      maxHeartbeatThrottleInterval: '50 ms' })
    const out = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(dataSubjectRequest, { workflowId: WORKFLOW_ID, taskQueue: TASK_QUEUES.core, args: [{ requestId: REQUEST_ID }] })
      const driven = drive ? await drive(h, f) : undefined
      const result = await h.result()
      return { driven, result, progress: await h.query(dsrProgressQuery) }
    })
    return { ...out, f, t0: one(f, 'dsrSnapshot').at }
  }
  const milestones = (f: DsrFakes, t0: number) => f.named('dsrMilestone').map((c) => ({ ...c.args, day: Math.round((c.at - t0) / HOUR) / 24 }))

  describe('the statutory clock', () => {
    it('reminds at 10 and 5 days left, escalates at 2 and raises overdue at the deadline while the work is blocked', async () => {
      // the export store is unreachable for 31 days: the export retries, the clock runs beside it
      const { result, progress, f, t0 } = await run({ kind: 'access', down: { name: 'dsrExportArchive', forMs: 31 * DAY } })
      assert.deepEqual(result, { status: 'COMPLETED' })
      const dueAt = iso(t0 + 30 * DAY)
      const base = { requestId: REQUEST_ID, dueAt, kind: 'access', jurisdiction: 'GDPR' }
      assert.deepEqual(milestones(f, t0), [{ ...base, milestone: 'reminder', day: 20 }, { ...base, milestone: 'reminder', day: 25 },
        { ...base, milestone: 'escalation', day: 28 }, { ...base, milestone: 'overdue', day: 30 }])
      f.named('dsrMilestone').forEach((m, i) => near(m.at, t0 + [20, 25, 28, 30][i]! * DAY, `milestone ${i}`))
      const exports = f.named('dsrExportArchive')
      assert.deepEqual(exports.map((c) => c.attempt), [1, 2])
      near(exports[1]!.at, t0 + 31 * DAY, 'the export ran again once the store was back')
      assert.deepEqual(f.names().slice(-3), ['dsrExportArchive', 'dsrIssueReceipt', 'dsrSetStatus'])
      assert.deepEqual(one(f, 'dsrIssueReceipt').args, { requestId: REQUEST_ID, final: true })
      assert.deepEqual(one(f, 'dsrSetStatus').args, { requestId: REQUEST_ID, status: 'COMPLETED' })
      near(one(f, 'dsrSetStatus').at, t0 + 31 * DAY, 'completed after the export')
      assert.deepEqual(progress, { stage: 'done', dueAt, resumesAt: null })
    })

    it('a GDPR extension by 30 days moves every later milestone and the deadline; beyond 60 days in all, or without a reason, it is refused', async () => {
      const { driven, result, progress, f, t0 } = await run({ kind: 'access', down: { name: 'dsrExportArchive', forMs: 61 * DAY } }, async (h, fk) => {
        await until(h)
        const noReason = await refusal(extend(h, 30, '  too big '))
        await env.sleep(21 * DAY)
        await untilCalled(fk, 'dsrMilestone')
        const accepted = await extend(h, 30)
        const tooLong = await refusal(extend(h, 31))
        return { noReason, accepted, tooLong, dueAt: (await h.query(dsrProgressQuery)).dueAt }
      })
      const dueAt = iso(t0 + 60 * DAY)
      assert.deepEqual(driven, { noReason: 'EXTENSION_REASON_REQUIRED', accepted: { dueAt }, tooLong: 'EXTENSION_TOO_LONG', dueAt })
      const ext = one(f, 'dsrRecordExtension')
      assert.deepEqual({ ...ext.args, at: undefined }, { requestId: REQUEST_ID, days: 30, reason: REASON, by: 'staff-1', at: undefined, dueAt })
      near(Date.parse(ext.args.at as string), t0 + 21 * DAY, 'extended on day 21', 60 * SECOND)
      // the reminder at 10 days left had been sent for the old deadline; the rest follow the new one
      const base = { requestId: REQUEST_ID, kind: 'access', jurisdiction: 'GDPR' }
      assert.deepEqual(milestones(f, t0), [{ ...base, milestone: 'reminder', dueAt: iso(t0 + 30 * DAY), day: 20 },
        { ...base, milestone: 'reminder', dueAt, day: 50 }, { ...base, milestone: 'reminder', dueAt, day: 55 },
        { ...base, milestone: 'escalation', dueAt, day: 58 }, { ...base, milestone: 'overdue', dueAt, day: 60 }])
      f.named('dsrMilestone').forEach((m, i) => near(m.at, t0 + [20, 50, 55, 58, 60][i]! * DAY, `milestone ${i}`))
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.equal(progress.dueAt, dueAt)
    })

    it('a CCPA request is extended once, by up to 45 days; a second extension is refused (EXTENSION_LIMIT)', async () => {
      // the export is held: the run is mid-work while compliance extends it
      const { driven, result, f, t0 } = await run({ kind: 'access', jurisdiction: 'CCPA', hold: ['dsrExportArchive'] }, async (h, fk) => {
        await untilCalled(fk, 'dsrExportArchive')
        const tooLong = await refusal(extend(h, 46))
        const accepted = await extend(h, 45)
        const again = await refusal(extend(h, 1))
        fk.release('dsrExportArchive')
        return { tooLong, accepted, again }
      })
      const dueAt = iso(t0 + 90 * DAY)
      assert.deepEqual(driven, { tooLong: 'EXTENSION_INVALID_DAYS', accepted: { dueAt }, again: 'EXTENSION_LIMIT' })
      assert.deepEqual(one(f, 'dsrRecordExtension').args.dueAt, dueAt)
      assert.deepEqual(one(f, 'dsrRecordExtension').args.days, 45)
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.equal(f.named('dsrMilestone').length, 0, 'answered long before any milestone')
    })
  })

  describe('verification', () => {
    it(`an unverified request lapses after ${VERIFY_DAYS} days: REJECTED with a reason, the requester told, nothing erased`, async () => {
      const { result, progress, f, t0 } = await run({ kind: 'erasure', status: 'AWAITING_VERIFICATION' })
      assert.deepEqual(result, { status: 'REJECTED' })
      assert.equal(f.status(), 'REJECTED')
      assert.deepEqual(f.names(), ['dsrSnapshot', 'dsrNotify', 'dsrSetStatus', 'dsrNotify'])
      const [received, rejected] = f.named('dsrNotify')
      assert.deepEqual([received!.args, rejected!.args], [{ requestId: REQUEST_ID, notice: 'received' }, { requestId: REQUEST_ID, notice: 'rejected' }])
      near(received!.at, t0, 'told at once')
      const status = one(f, 'dsrSetStatus')
      assert.deepEqual(status.args, { requestId: REQUEST_ID, status: 'REJECTED', rejectedReason: `The requester was not verified within ${VERIFY_DAYS} days.` })
      near(status.at, t0 + VERIFY_DAYS * DAY, 'lapsed on day 14')
      near(rejected!.at, t0 + VERIFY_DAYS * DAY, 'told on day 14')
      assert.equal(progress.stage, 'done')
    })

    it('the dsrVerified signal lets the work run; once it has started a rejection is refused (REQUEST_CLOSED)', async () => {
      const { driven, result, f, t0 } = await run({ kind: 'access', status: 'AWAITING_VERIFICATION', hold: ['dsrExportArchive'] }, async (h, fk) => {
        await untilCalled(fk, 'dsrNotify')
        await env.sleep(3 * DAY)
        await h.signal(dsrVerifiedSignal, { method: 'email_code' })
        await untilCalled(fk, 'dsrExportArchive')
        const stage = (await h.query(dsrProgressQuery)).stage
        const late = await refusal(reject(h, 'the requester could not prove who they are'))
        fk.release('dsrExportArchive')
        return { stage, late }
      })
      assert.deepEqual(driven, { stage: 'working', late: 'REQUEST_CLOSED' })
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.deepEqual(f.names(), ['dsrSnapshot', 'dsrNotify', 'dsrSetStatus', 'dsrExportArchive', 'dsrIssueReceipt', 'dsrSetStatus'])
      assert.deepEqual(f.named('dsrSetStatus').map((c) => c.args.status), ['IN_PROGRESS', 'COMPLETED'])
      near(f.named('dsrSetStatus')[0]!.at, t0 + 3 * DAY, 'work started when verified')
      assert.deepEqual(one(f, 'dsrExportArchive').args, REQ)
    })

    it('compliance rejects a request awaiting verification: REJECTED with their reason, nothing exported', async () => {
      const reason = 'the requester could not prove the account is theirs'
      const { driven, result, f } = await run({ kind: 'access', status: 'AWAITING_VERIFICATION' }, async (h, fk) => {
        await untilCalled(fk, 'dsrNotify')
        const short = await refusal(reject(h, 'no'))
        return { short, rejected: await reject(h, reason) }
      })
      assert.deepEqual(driven, { short: 'VALIDATION_FAILED', rejected: { status: 'REJECTED' } })
      assert.deepEqual(result, { status: 'REJECTED' })
      assert.deepEqual(f.names(), ['dsrSnapshot', 'dsrNotify', 'dsrSetStatus', 'dsrNotify'])
      assert.deepEqual(one(f, 'dsrSetStatus').args, { requestId: REQUEST_ID, status: 'REJECTED', rejectedReason: reason })
      assert.equal(f.named('dsrNotify')[1]!.args.notice, 'rejected')
    })
  })

  describe('erasure', () => {
    it('a dated hold: erased but for what it keeps, interim receipt, WAITING_ON_HOLD; at its end erased again and the final receipt', async () => {
      const holdEnd = (await env.currentTimeMs()) + 30 * DAY
      const hold = holdView('chargeback', 'purchase-9', holdEnd)
      const { driven, result, f, t0 } = await run({ kind: 'erasure', holds: [[hold], []] }, async (h, fk) => {
        const waiting = await until(h, (p) => p.stage === 'waiting_on_hold')
        return { waiting, status: fk.status(), extend: await refusal(extend(h, 10)) }
      })
      assert.deepEqual(driven, { waiting: { stage: 'waiting_on_hold', dueAt: iso(t0 + 30 * DAY), resumesAt: iso(holdEnd) }, status: 'WAITING_ON_HOLD',
        extend: 'REQUEST_CLOSED' })
      assert.equal(f.status(), 'COMPLETED')
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.deepEqual(f.names(), ['dsrSnapshot', ...ERASE_STEPS, 'dsrIssueReceipt', 'dsrSetStatus', ...ERASE_STEPS, 'dsrIssueReceipt', 'dsrSetStatus'])
      assert.deepEqual(f.named('dsrIssueReceipt').map((c) => c.args.final), [false, true])
      assert.deepEqual(f.named('dsrSetStatus').map((c) => c.args.status), ['WAITING_ON_HOLD', 'COMPLETED'])
      assert.deepEqual(f.named('dsrEraseSearch').map((c) => c.args), [{ ...REQ, holds: [hold] }, { ...REQ, holds: [] }])
      assert.deepEqual(f.named('dsrShredKey').map((c) => c.args), [{ ...REQ, holds: [hold], running: [] }, { ...REQ, holds: [], running: [] }])
      const [first, second] = f.named('dsrCloseOpenWork')
      near(first!.at, t0, 'first pass at once')
      near(f.named('dsrIssueReceipt')[0]!.at, t0, 'interim receipt at once')
      near(second!.at, holdEnd, 'second pass when the hold ends')
      near(f.named('dsrIssueReceipt')[1]!.at, holdEnd, 'final receipt when the hold ends')
      assert.equal(f.named('dsrMilestone').length, 0, 'answered with the interim receipt: the clock stopped')
    })

    it('an undated (litigation) hold: waits for dsrHoldsChanged, then looks again and completes', async () => {
      const hold = holdView('litigation', 'hold-7', null)
      const { driven, result, f, t0 } = await run({ kind: 'erasure', holds: [[hold], []] }, async (h, fk) => {
        const waiting = await until(h, (p) => p.stage === 'waiting_on_hold')
        await env.sleep(90 * DAY)
        const evaluatedMeanwhile = fk.named('dsrEvaluateHolds').length
        const releasedAt = await env.currentTimeMs()
        await h.signal(dsrHoldsChangedSignal)
        return { waiting, evaluatedMeanwhile, releasedAt }
      })
      assert.deepEqual(driven!.waiting, { stage: 'waiting_on_hold', dueAt: iso(t0 + 30 * DAY), resumesAt: 'on_release' })
      assert.equal(driven!.evaluatedMeanwhile, 1, 'nothing looked again for 90 days without the signal')
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.deepEqual(f.named('dsrEvaluateHolds').map((c) => c.args), [{ personRef: PERSON_REF }, { personRef: PERSON_REF }])
      near(f.named('dsrEvaluateHolds')[1]!.at, driven!.releasedAt, 'looked again on the signal')
      assert.deepEqual(f.named('dsrShredKey').map((c) => c.args.holds), [[hold], []])
      assert.deepEqual(f.named('dsrIssueReceipt').map((c) => c.args.final), [false, true])
      assert.deepEqual(f.named('dsrSetStatus').map((c) => c.args.status), ['WAITING_ON_HOLD', 'COMPLETED'])
    })

    it('the person\'s workflows still running: the key is kept, and the erasure looks again after 6 hours', async () => {
      const { driven, result, f } = await run({ kind: 'erasure', running: [['sub:sub-1'], []] }, (h) => until(h, (p) => p.stage === 'waiting_on_hold'))
      assert.equal(driven!.resumesAt, null)
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.deepEqual(f.named('dsrShredKey').map((c) => c.args), [{ ...REQ, holds: [], running: ['sub:sub-1'] }, { ...REQ, holds: [], running: [] }])
      const waitFrom = f.named('dsrSetStatus')[0]!
      assert.equal(waitFrom.args.status, 'WAITING_ON_HOLD')
      near(f.named('dsrCloseOpenWork')[1]!.at - waitFrom.at, 6 * HOUR, 'looked again after 6 hours')
      assert.deepEqual(f.named('dsrIssueReceipt').map((c) => c.args.final), [false, true])
      assert.deepEqual(f.names().slice(-2), ['dsrIssueReceipt', 'dsrSetStatus'])
      assert.equal(f.named('dsrSetStatus')[1]!.args.status, 'COMPLETED')
    })
  })

  describe('access and rectification', () => {
    it('access: the archive, the final receipt, COMPLETED', async () => {
      const { result, progress, f, t0 } = await run({ kind: 'access' })
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.deepEqual(f.names(), ['dsrSnapshot', 'dsrExportArchive', 'dsrIssueReceipt', 'dsrSetStatus'])
      assert.deepEqual(one(f, 'dsrSnapshot').args, { requestId: REQUEST_ID })
      assert.deepEqual(one(f, 'dsrExportArchive').args, REQ)
      assert.deepEqual(one(f, 'dsrIssueReceipt').args, { requestId: REQUEST_ID, final: true })
      assert.deepEqual(one(f, 'dsrSetStatus').args, { requestId: REQUEST_ID, status: 'COMPLETED' })
      near(one(f, 'dsrSetStatus').at, t0, 'answered at once')
      assert.deepEqual(progress, { stage: 'done', dueAt: iso(t0 + 30 * DAY), resumesAt: null })
      assert.ok(f.calls.every((c) => c.workflowId === WORKFLOW_ID))
    })

    it('rectification: the corrections, the final receipt, COMPLETED', async () => {
      const { result, f } = await run({ kind: 'rectification' })
      assert.deepEqual(result, { status: 'COMPLETED' })
      assert.deepEqual(f.names(), ['dsrSnapshot', 'dsrRectify', 'dsrIssueReceipt', 'dsrSetStatus'])
      assert.deepEqual(one(f, 'dsrRectify').args, REQ)
    })
  })
})
