import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { setTimeout as delay } from 'node:timers/promises'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import { payoutFakes, type ActivityName, type Call, type PayoutFakeOptions, type PayoutFakes } from '../test/support/payout-fakes.ts'
import { payCreator } from './pay-creator.ts'
import {
  PAYOUT_REFUSALS, PAYOUT_TIMING, payCreatorProgressQuery, payCreatorWorkflowId, payoutDecisionUpdate, resolvePayoutUpdate, payoutRunWorkflowId, payoutsTaskQueue,
  railUpdateSignal, type PayCreatorInput, type PayCreatorProgress, type PayoutDecision,
} from './payouts.contract.ts'
import { refusal, near } from '../test/support/time-skipping.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const SECOND = 1000
const HOUR = 3_600_000
const DAY = 24 * HOUR
const WORKFLOW_ID = payCreatorWorkflowId(payoutRunWorkflowId('boyfanz', '2026-01-05T09:00:00Z'), 'creator-1')
const INPUT: PayCreatorInput = { runId: 'run-1', itemId: 'item-1', creatorId: 'creator-1', brand: 'boyfanz', currency: 'USD' }
const BOOK = { itemId: 'item-1', workflowId: WORKFLOW_ID, brand: 'boyfanz', currency: 'USD', creatorId: 'creator-1' }
const APPROVAL = { amount: 250_000, approval: { reason: 'OUTLIER', detail: '5x the usual payout' } }

type Handle = WorkflowHandle<typeof payCreator>

/** Waits (in real time: the clock does not move meanwhile) until the workflow's progress matches. */
async function until(h: Handle, pred: (p: PayCreatorProgress) => boolean): Promise<PayCreatorProgress> {
  let last: PayCreatorProgress | null = null
  for (let i = 0; i < 400; i++) {
    last = await h.query(payCreatorProgressQuery)
    if (pred(last)) return last
    await delay(25)
  }
  throw new Error(`progress never reached; last: ${JSON.stringify(last)}`)
}

async function untilCalled(f: PayoutFakes, name: ActivityName, count = 1): Promise<void> {
  for (let i = 0; i < 400 && f.named(name).length < count; i++) await delay(25)
  assert.ok(f.named(name).length >= count, `${name} called ${f.named(name).length} times, expected ${count}; calls: ${f.names().join(', ')}`)
}



const decide = (h: Handle, d: PayoutDecision) => h.executeUpdate(payoutDecisionUpdate, { args: [d] })
const one = (f: PayoutFakes, name: ActivityName): Call => {
  const c = f.named(name)
  assert.equal(c.length, 1, `${name} called ${c.length} times; calls: ${f.names().join(', ')}`)
  return c[0]!
}

describe('payCreator workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  // one environment per test: a payout left watching for returns would move a shared clock
  let env: TestWorkflowEnvironment
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  async function run<T>(opts: PayoutFakeOptions, drive?: (h: Handle, f: PayoutFakes) => Promise<T>) {
    const f = payoutFakes(opts)
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: payoutsTaskQueue, workflowsPath, activities: f.activities,
      maxHeartbeatThrottleInterval: '50 ms' })
    const out = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(payCreator, { workflowId: WORKFLOW_ID, taskQueue: payoutsTaskQueue, args: [INPUT] })
      const driven = drive ? await drive(h, f) : undefined
      const result = await h.result()
      return { driven, result, progress: await h.query(payCreatorProgressQuery), closedAt: (await h.describe()).closeTime!.getTime() }
    })
    return { ...out, f }
  }

  describe('gates', () => {
    it('a blocked payout locks nothing and tells the creator why', async () => {
      const { result, f } = await run({ assessment: { payable: false, amount: 0, blockedBy: ['TAX_FORM', 'MINIMUM'], blockedDetail: 'No valid tax form. Below 50.00.' } })
      assert.deepEqual(result, { status: 'BLOCKED', amount: 0, rail: null, reason: 'TAX_FORM, MINIMUM' })
      assert.deepEqual(f.names(), ['assessPayout', 'notifyCreatorOfPayout'])
      assert.deepEqual(one(f, 'notifyCreatorOfPayout').args, { itemId: 'item-1', notice: 'payoutBlocked', reason: 'No valid tax form. Below 50.00.', key: `${WORKFLOW_ID}:blocked` })
      assert.equal(f.items.get('item-1')!.status, 'BLOCKED')
    })

    it('a balance only under the minimum is blocked quietly', async () => {
      const { result, f } = await run({ assessment: { payable: false, amount: 0, blockedBy: ['MINIMUM'], blockedDetail: 'Below 50.00.' } })
      assert.deepEqual(result, { status: 'BLOCKED', amount: 0, rail: null, reason: 'MINIMUM' })
      assert.deepEqual(f.names(), ['assessPayout'])
    })

    it('a balance that shrank before the lock (BALANCE_CHANGED) blocks the payout and sends nothing', async () => {
      const { result, f } = await run({ balanceChanged: true })
      assert.deepEqual(result, { status: 'BLOCKED', amount: 0, rail: null, reason: 'balance changed' })
      assert.deepEqual(f.names(), ['assessPayout', 'lockPayout', 'markPayoutItem'])
      assert.deepEqual(one(f, 'markPayoutItem').args, { itemId: 'item-1', status: 'BLOCKED', failureCode: 'BALANCE_CHANGED',
        message: 'The available balance shrank before the payout was sent.' })
    })
  })

  describe('sending and settling', () => {
    it('pays on a rail that settles at once: lock, send, settle, all keyed by the workflow id', async () => {
      const { result, progress, f } = await run({ assessment: { amount: 1000, reserve: 100, netted: 50 } })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'paxum', reason: null })
      assert.deepEqual(progress, { status: 'PAID', rail: 'paxum', attempts: [{ rail: 'paxum', outcome: 'settled' }] })
      assert.deepEqual(f.names(), ['assessPayout', 'lockPayout', 'sendPayout', 'settlePayout', 'notifyCreatorOfPayout'])
      const lock = one(f, 'lockPayout')
      assert.deepEqual(lock.args, { ...BOOK, amount: 1000, reserve: 100, netted: 50, reserveDays: 30 })
      assert.deepEqual(one(f, 'sendPayout').args, { ...BOOK, runId: 'run-1', rail: 'paxum', amount: 1000, currency: 'USD' })
      assert.deepEqual(one(f, 'settlePayout').args, { ...BOOK, amount: 1000, settledAt: '2026-01-05T09:00:00.000Z' })
      assert.deepEqual(one(f, 'notifyCreatorOfPayout').args, { itemId: 'item-1', notice: 'payoutPaid', key: `${WORKFLOW_ID}:paid` })
      assert.equal(f.named('payoutStatus').length, 0, 'paxum has no return window: nothing to watch')
    })

    it('a sent payout is polled with a doubling backoff until the rail settles it', async () => {
      const { result, f } = await run({ assessment: { rails: ['wise'] }, rails: { wise: { send: 'sent', status: ['sent', 'sent', 'sent', 'settled'] } } })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'wise', reason: null })
      const sent = one(f, 'sendPayout').at
      const settle = one(f, 'settlePayout')
      const polls = f.named('payoutStatus').filter((c) => c.at <= settle.at).map((c) => c.at)
      assert.equal(polls.length, 4)
      const gaps = polls.map((at, i) => at - (i === 0 ? sent : polls[i - 1]!))
      for (const [i, n] of [1, 2, 4, 8].entries()) near(gaps[i]!, n * PAYOUT_TIMING.firstPoll, `gap before poll ${i + 1}`)
      assert.ok(settle.at - polls[3]! < SECOND, 'settled right after the poll that saw it')
      assert.deepEqual(f.named('payoutStatus')[0]!.args, { workflowId: WORKFLOW_ID, rail: 'wise' })
    })

    it('a railUpdate signal wakes the wait: settled long before the next poll', async () => {
      const { driven, result, f } = await run({ assessment: { rails: ['ach'] }, rails: { ach: { send: 'sent' } } }, async (h, f) => {
        await until(h, (p) => p.status === 'SENT')
        await env.sleep(2 * HOUR)
        const pollsBefore = f.named('payoutStatus').length
        f.answer('ach', 'settled')
        const signalledAt = await env.currentTimeMs()
        await h.signal(railUpdateSignal, { eventId: 'ev-1', rail: 'ach', status: 'settled' })
        await untilCalled(f, 'settlePayout')
        return { pollsBefore, signalledAt }
      })
      assert.equal(result.status, 'PAID')
      const sent = one(f, 'sendPayout').at
      // polls at 5 s, 15 s, 35 s ... 5115 s after sending; the next one would come at 10235 s (2.8 h)
      assert.equal(driven!.pollsBefore, 10)
      const settledAt = one(f, 'settlePayout').at
      assert.ok(settledAt - driven!.signalledAt < 10 * SECOND, `settled ${settledAt - driven!.signalledAt} ms after the signal`)
      assert.ok(settledAt - sent < 10_235 * SECOND - 30 * 60 * SECOND, 'well before the next poll')
      assert.equal(f.named('payoutStatus').filter((c) => c.at <= settledAt).length, 11, 'one poll, woken by the signal')
    })

    it('a payout the rail never confirms parks UNCONFIRMED after 14 days, money in transit, until finance says it was paid', async () => {
      // the clock moves in steps of the longest poll, so every timer fires in turn and finance answers once the payout is parked
      const { result, f } = await run({ assessment: { rails: ['ach'] }, rails: { ach: { send: 'sent' } } }, async (h, fk) => {
        for (let i = 0; i < 200 && fk.named('notifyFinanceOfUnconfirmed').length === 0; i++) {
          await env.sleep(PAYOUT_TIMING.maxPoll)
          await delay(30)
        }
        await untilCalled(fk, 'notifyFinanceOfUnconfirmed')
        assert.equal(fk.named('reversePayout').length + fk.named('settlePayout').length, 0, 'nothing settled or reversed while unclear')
        await h.executeUpdate(resolvePayoutUpdate, { args: [{ outcome: 'settled', by: 'finance-1', note: 'the bank confirmed it by phone' }] })
      })
      assert.deepEqual(one(f, 'markPayoutItem').args, { itemId: 'item-1', status: 'UNCONFIRMED', failureCode: 'UNCONFIRMED',
        message: 'ach never confirmed the payout. Finance must check with the rail.' })
      const polls = f.named('payoutStatus').filter((c) => c.at <= one(f, 'markPayoutItem').at)
      assert.ok(polls.at(-1)!.at - one(f, 'sendPayout').at >= PAYOUT_TIMING.settleWithin - 6 * HOUR, 'polled for 14 days before parking')
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'ach', reason: null })
      assert.equal(f.named('settlePayout').length, 1)
      assert.equal(f.named('reversePayout').length, 0)
    })

    it('finance marks a parked payout not paid: back to available and no other rail tried; a payout not parked refuses a resolution', async () => {
      const unknown = { failure: 'SOMETHING_NEW', railCode: 'X9', message: 'unknown outcome' } as unknown as { failure: 'REJECTED'; railCode: string; message: string }
      // the reversal is held, so the workflow is still running when the second resolution arrives
      const { result, driven, f } = await run({ assessment: { rails: ['wire', 'paxum'] }, rails: { wire: { send: unknown } }, hold: ['reversePayout'] }, async (h, fk) => {
        await until(h, (p) => p.status === 'UNCONFIRMED')
        await h.executeUpdate(resolvePayoutUpdate, { args: [{ outcome: 'failed', by: 'finance-1', note: 'the bank never received it' }] })
        await untilCalled(fk, 'reversePayout')
        const again = await refusal(h.executeUpdate(resolvePayoutUpdate, { args: [{ outcome: 'settled', by: 'finance-2', note: 'paid after all' }] }))
        fk.release('reversePayout')
        return { again }
      })
      assert.equal(driven!.again, PAYOUT_REFUSALS.notUnconfirmed)
      assert.deepEqual(result, { status: 'FAILED', amount: 0, rail: 'wire', reason: 'wire: finance: the bank never received it' })
      assert.deepEqual(f.named('sendPayout').map((c) => c.args.rail), ['wire'], 'paxum was not tried: the wire payout might still arrive')
      assert.equal(one(f, 'reversePayout').args.failureCode, 'FINANCE')
    })

    it('a failure code the rules do not know (money may have moved) parks the payout instead of trying another rail', async () => {
      // drivers map every code they know; one outside the table must not send the payout down a second rail
      const unknown = { failure: 'SOMETHING_NEW', railCode: 'X9', message: 'unknown outcome' } as unknown as { failure: 'REJECTED'; railCode: string; message: string }
      const { result, f } = await run({ assessment: { rails: ['wire', 'paxum'] }, rails: { wire: { send: unknown, status: ['settled'] } } },
        async (h) => {
          await until(h, (p) => p.status === 'UNCONFIRMED')
          await h.executeUpdate(resolvePayoutUpdate, { args: [{ outcome: 'settled', by: 'finance-1', note: 'paid after all' }] })
        })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'wire', reason: null })
      assert.deepEqual(f.named('sendPayout').map((c) => c.args.rail), ['wire'])
    })
  })

  describe('a rail that is down', () => {
    it('a send lost to a day-long outage is not a failed workflow: the rail\'s status by our key settles it once it is back', async () => {
      const { result, f } = await run({ assessment: { rails: ['crypto', 'paxum'] }, rails: { crypto: { send: 'settled' } }, down: { rail: 'crypto', forMs: 30 * HOUR } })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'crypto', reason: null })
      const sends = f.named('sendPayout')
      assert.ok(sends.length > 1 && sends.every((c) => c.args.rail === 'crypto'), 'retried on crypto only: another rail might pay twice')
      assert.ok(sends.at(-1)!.at - sends[0]!.at <= DAY, 'the send gives up after its day of retries')
      const settled = one(f, 'settlePayout').at
      assert.ok(settled - sends[0]!.at >= 30 * HOUR, 'settled once the rail answered again')
      assert.equal(f.named('reversePayout').length, 0)
    })
  })

  describe('fallback between rails', () => {
    it('an invalid account on the first rail falls back to the next one, which pays', async () => {
      const { result, progress, f } = await run({ assessment: { rails: ['wise', 'paxum'] },
        rails: { wise: { send: { failure: 'INVALID_ACCOUNT', railCode: 'ACCOUNT_CLOSED', message: 'closed account' } } } })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'paxum', reason: null })
      assert.deepEqual(progress.attempts, [{ rail: 'wise', outcome: 'INVALID_ACCOUNT' }, { rail: 'paxum', outcome: 'settled' }])
      assert.deepEqual(f.named('sendPayout').map((c) => c.args.rail), ['wise', 'paxum'])
      assert.equal(f.named('settlePayout').length, 1)
      assert.equal(f.named('reversePayout').length, 0)
      assert.deepEqual(f.notices(), ['payoutPaid'])
    })

    it('every rail failing reverses the lock as FAILED with the last reason and tells the creator', async () => {
      const { result, progress, f } = await run({ assessment: { rails: ['wise', 'paxum'] }, rails: {
        wise: { send: { failure: 'INVALID_ACCOUNT', railCode: 'ACCOUNT_CLOSED', message: 'closed account' } },
        paxum: { send: { failure: 'RECIPIENT_REFUSED', railCode: '4010', message: 'wallet not verified' } },
      } })
      assert.deepEqual(result, { status: 'FAILED', amount: 0, rail: 'paxum', reason: 'paxum: wallet not verified' })
      assert.equal(progress.status, 'FAILED')
      assert.deepEqual(f.names(), ['assessPayout', 'lockPayout', 'sendPayout', 'sendPayout', 'reversePayout', 'notifyCreatorOfPayout'])
      assert.deepEqual(one(f, 'reversePayout').args, { ...BOOK, amount: 1000, status: 'FAILED', failureCode: '4010', reason: 'paxum: wallet not verified', wasSettled: false })
      assert.deepEqual(one(f, 'notifyCreatorOfPayout').args, { itemId: 'item-1', notice: 'payoutFailed', reason: 'paxum: wallet not verified', key: `${WORKFLOW_ID}:failed` })
    })

    it('a payout that fails after it was sent (ACH R03 by status) goes to the next rail', async () => {
      const { result, progress, f } = await run({ assessment: { rails: ['ach', 'paxum'] }, rails: {
        ach: { send: 'sent', status: ['sent', { failure: 'INVALID_ACCOUNT', railCode: 'R03', message: 'no account / unable to locate account' }] },
      } })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'paxum', reason: null })
      assert.deepEqual(f.names(), ['assessPayout', 'lockPayout', 'sendPayout', 'payoutStatus', 'payoutStatus', 'sendPayout', 'settlePayout', 'notifyCreatorOfPayout'])
      assert.deepEqual(progress.attempts, [{ rail: 'ach', outcome: 'sent' }, { rail: 'paxum', outcome: 'settled' }])
      assert.equal(f.named('reversePayout').length, 0)
    })

    it('money that came back before settling (RETURNED) is not tried on another rail: reversed as FAILED', async () => {
      const { result, f } = await run({ assessment: { rails: ['ach', 'paxum'] }, rails: {
        ach: { send: 'sent', status: [{ failure: 'RETURNED', railCode: 'R01', message: 'insufficient funds' }] },
      } })
      assert.deepEqual(result, { status: 'FAILED', amount: 0, rail: 'ach', reason: 'ach: insufficient funds' })
      assert.deepEqual(f.named('sendPayout').map((c) => c.args.rail), ['ach'])
      assert.deepEqual(one(f, 'reversePayout').args, { ...BOOK, amount: 1000, status: 'FAILED', failureCode: 'R01', reason: 'ach: insufficient funds', wasSettled: false })
    })
  })

  describe('returns after settlement', () => {
    it('a return within the window reverses the settled payout as RETURNED', async () => {
      const { result, f } = await run({ assessment: { rails: ['ach'] }, rails: {
        ach: { send: 'sent', status: ['settled', 'settled', 'settled', { failure: 'RETURNED', railCode: 'R02', message: 'account closed' }] },
      } })
      assert.deepEqual(result, { status: 'RETURNED', amount: 1000, rail: 'ach', reason: 'account closed' })
      assert.deepEqual(f.names(), ['assessPayout', 'lockPayout', 'sendPayout', 'payoutStatus', 'settlePayout', 'notifyCreatorOfPayout',
        'payoutStatus', 'payoutStatus', 'payoutStatus', 'reversePayout', 'notifyCreatorOfPayout'])
      assert.deepEqual(one(f, 'reversePayout').args, { ...BOOK, amount: 1000, status: 'RETURNED', failureCode: 'R02', reason: 'account closed', wasSettled: true })
      assert.deepEqual(f.notices(), ['payoutPaid', 'payoutReturned'])
      assert.equal(f.named('notifyCreatorOfPayout')[1]!.args.key, `${WORKFLOW_ID}:returned`)
    })

    it('without a return the payout stays PAID and the workflow ends when the return window closes', async () => {
      const { driven, result, closedAt, f } = await run({ assessment: { rails: ['wire'] }, rails: { wire: { send: 'settled' } } }, async (h, f) => {
        await untilCalled(f, 'settlePayout')
        await env.sleep(4 * DAY)
        return { watching: (await h.describe()).status.name, progress: await h.query(payCreatorProgressQuery) }
      })
      assert.deepEqual(result, { status: 'PAID', amount: 1000, rail: 'wire', reason: null })
      assert.equal(driven!.watching, 'RUNNING', 'still watching for a return on day 4')
      assert.equal(driven!.progress.status, 'PAID')
      const settled = one(f, 'settlePayout').at
      near(f.named('payoutStatus').at(-1)!.at - settled, PAYOUT_TIMING.returnWindow.wire, 'the last poll closes the window', 60 * SECOND)
      near(closedAt - settled, 5 * DAY, 'ends with the window', 60 * SECOND)
      assert.equal(f.named('reversePayout').length, 0)
      assert.deepEqual(f.notices(), ['payoutPaid'])
    })
  })

  describe('approval', () => {
    it('approved by finance: re-assessed capped at the approved amount, then paid; a second decision is refused', async () => {
      const { driven, result, f } = await run({ assessment: APPROVAL, reassessment: { amount: 240_000 }, hold: ['recordPayoutDecision'] }, async (h, f) => {
        await until(h, (p) => p.status === 'AWAITING_APPROVAL')
        await untilCalled(f, 'notifyFinanceOfPayout')
        // the first decision is accepted and being recorded (held): a second one is refused meanwhile
        const first = await h.startUpdate(payoutDecisionUpdate, { args: [{ decision: 'approve', by: 'finance-1', note: 'known spike' }],
          waitForStage: WorkflowUpdateStage.ACCEPTED })
        await untilCalled(f, 'recordPayoutDecision')
        const second = await refusal(decide(h, { decision: 'reject', by: 'finance-2' }))
        f.release('recordPayoutDecision')
        // the update answers only once the decision is recorded
        const accepted = await first.result()
        return { accepted, second }
      })
      assert.deepEqual(driven, { accepted: { accepted: true }, second: PAYOUT_REFUSALS.notAwaitingApproval })
      assert.deepEqual(result, { status: 'PAID', amount: 240_000, rail: 'paxum', reason: null })
      assert.deepEqual(f.named('assessPayout').map((c) => c.args), [{ itemId: 'item-1' }, { itemId: 'item-1', approvedAmount: 250_000 }])
      assert.deepEqual(one(f, 'recordPayoutDecision').args, { itemId: 'item-1', decision: 'approve', by: 'finance-1', note: 'known spike' })
      assert.equal(one(f, 'lockPayout').args.amount, 240_000)
      const wait = one(f, 'recordApprovalWait')
      assert.deepEqual([wait.args.reason, wait.args.detail], ['OUTLIER', '5x the usual payout'])
      assert.deepEqual(one(f, 'notifyFinanceOfPayout').args, { itemId: 'item-1', reminder: false, expiresAt: wait.args.expiresAt, key: `${WORKFLOW_ID}:approval:0` })
    })

    it('rejected by finance: REJECTED, nothing locked or sent', async () => {
      const { result, f } = await run({ assessment: APPROVAL }, async (h) => {
        await until(h, (p) => p.status === 'AWAITING_APPROVAL')
        await decide(h, { decision: 'reject', by: 'finance-1', note: 'looks like fraud' })
      })
      assert.deepEqual(result, { status: 'REJECTED', amount: 0, rail: null, reason: 'looks like fraud' })
      assert.deepEqual(f.names(), ['assessPayout', 'recordApprovalWait', 'notifyFinanceOfPayout', 'recordPayoutDecision'])
      assert.deepEqual(one(f, 'recordPayoutDecision').args, { itemId: 'item-1', decision: 'reject', by: 'finance-1', note: 'looks like fraud' })
    })

    it('without a decision finance is reminded twice, then the approval expires after 72 h', async () => {
      const { result, f } = await run({ assessment: APPROVAL })
      assert.deepEqual(result, { status: 'EXPIRED', amount: 0, rail: null, reason: 'approval expired' })
      const wait = one(f, 'recordApprovalWait')
      near(new Date(wait.args.expiresAt as string).getTime(), wait.at + 72 * HOUR, 'expires after three days')
      const mails = f.named('notifyFinanceOfPayout')
      assert.deepEqual(mails.map((c) => [c.args.reminder, c.args.key, c.args.expiresAt]), [0, 1, 2].map((r) => [r > 0, `${WORKFLOW_ID}:approval:${r}`, wait.args.expiresAt]))
      mails.forEach((m, r) => near(m.at - wait.at, r * DAY, `mail ${r}`))
      const mark = one(f, 'markPayoutItem')
      near(mark.at - wait.at, 72 * HOUR, 'expired on time')
      assert.deepEqual(mark.args, { itemId: 'item-1', status: 'EXPIRED', failureCode: 'APPROVAL_EXPIRED',
        message: 'No finance decision before the approval expired; the money stays available.' })
      assert.ok(!f.names().includes('lockPayout'))
    })

    it('a decision arriving while the approval is being expired is refused, not accepted and ignored', async () => {
      const { driven, result, f } = await run({ assessment: APPROVAL, hold: ['markPayoutItem'] }, async (h, f) => {
        await until(h, (p) => p.status === 'AWAITING_APPROVAL')
        await env.sleep(72 * HOUR - 2 * SECOND)
        await untilCalled(f, 'markPayoutItem')
        const late = await refusal(decide(h, { decision: 'approve', by: 'finance-1' }))
        f.release('markPayoutItem')
        return late
      })
      assert.equal(driven, PAYOUT_REFUSALS.notAwaitingApproval)
      assert.equal(result.status, 'EXPIRED')
      assert.equal(f.named('recordPayoutDecision').length, 0)
    })

    it('refuses a decision when the payout is not waiting for one, and the creator deciding their own payout', async () => {
      const { driven, result, f } = await run({ assessment: { ...APPROVAL, rails: ['ach'] }, rails: { ach: { send: 'sent' } } }, async (h, f) => {
        await until(h, (p) => p.status === 'AWAITING_APPROVAL')
        const own = await refusal(decide(h, { decision: 'approve', by: 'creator-1' }))
        await decide(h, { decision: 'approve', by: 'finance-1' })
        await until(h, (p) => p.status === 'SENT')
        const sent = await refusal(decide(h, { decision: 'reject', by: 'finance-2' }))
        f.answer('ach', 'settled')
        await h.signal(railUpdateSignal, { eventId: 'ev-1', rail: 'ach', status: 'settled' })
        return { own, sent }
      })
      assert.deepEqual(driven, { own: PAYOUT_REFUSALS.ownPayout, sent: PAYOUT_REFUSALS.notAwaitingApproval })
      assert.equal(result.status, 'PAID')
      assert.deepEqual(f.named('recordPayoutDecision').map((c) => c.args.by), ['finance-1'])
    })

    it('a payout that needs no approval refuses a decision', async () => {
      const { driven, result } = await run({ assessment: { rails: ['ach'] }, rails: { ach: { send: 'sent', status: ['settled'] } } }, async (h, f) => {
        await until(h, (p) => p.status === 'SENT')
        const refused = await refusal(decide(h, { decision: 'approve', by: 'finance-1' }))
        assert.equal(f.named('recordApprovalWait').length, 0)
        return refused
      })
      assert.equal(driven, PAYOUT_REFUSALS.notAwaitingApproval)
      assert.equal(result.status, 'PAID')
    })
  })
})
