import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import type { Posting } from '../domain/ledger/accounts.ts'
import { subscriptionFakes, type SubscriptionFakeOptions } from '../test/support/subscription-fakes.ts'
import { chargebackNoticeSignal } from './purchase-ppv.ts'
import { subscription } from './subscription.ts'
import {
  cancelUpdate, changeTierUpdate, pauseUpdate, priceChangeSignal, resumeUpdate, subscriptionEventSignal, subscriptionStateQuery, type SubscribeInput,
} from './subscription.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const DAY = 86_400_000

describe('subscription workflow (time-skipping test server)', function () {
  this.timeout(300_000)
  // one environment per test: a workflow left sleeping (share holds) would move a shared clock
  let env: TestWorkflowEnvironment
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  type Handle = WorkflowHandle<typeof subscription>
  async function run<T>(opts: SubscriptionFakeOptions & { input?: Partial<SubscribeInput> }, drive: (h: Handle, f: ReturnType<typeof subscriptionFakes>) => Promise<T>) {
    const f = subscriptionFakes(opts)
    const taskQueue = `sub-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    const input: SubscribeInput = { subscriptionId: randomUUID(), fanId: 'fan-1', planId: 'plan-1', tierId: 'basic', periodMonths: 1, processor: 'epoch',
      paymentToken: 'tok_approve', jurisdiction: 'US', promoCode: null, ...opts.input }
    const out = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(subscription, { workflowId: `sub:${input.subscriptionId}`, taskQueue, args: [{ input }] })
      return drive(h, f)
    })
    return { out, f }
  }
  /** Lets workflow time pass (the test server skips it) and waits for the run to settle. */
  const pass = async (days: number) => { await env.sleep(days * DAY) }
  const state = (h: Handle) => h.query(subscriptionStateQuery)
  const paid = (f: ReturnType<typeof subscriptionFakes>) => f.named('recordCycle').map((c) => c.args.record as { kind: string; status: string; amount: number; cycle: number })
    .filter((r) => r.status === 'PAID')

  it('renews thirteen months in a row, one run per cycle, each charge booked once with its share held for the chargeback window', async () => {
    const { out, f } = await run({}, async (h) => {
      await pass(395)
      const s = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'test over', by: 'fan' }] })
      return { s, result: await h.result() }
    })
    assert.equal(out.s!.status, 'ACTIVE')
    assert.equal(out.s!.cycle, 12, 'cycle 0 is the first charge, cycles 1..12 the renewals')
    const charges = paid(f)
    assert.deepEqual(charges.map((c) => c.cycle), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    assert.ok(charges.every((c) => c.amount === 1000))
    const keys = f.named('chargeFan').map((c) => c.args.idempotencyKey as string)
    assert.equal(new Set(keys).size, keys.length, 'every charge has its own idempotency key')
    const sales = f.named('postJournalEntry').filter((c) => c.args.kind === 'subscription')
    assert.equal(sales.length, 13)
    for (const s of sales) assert.equal((s.args.postings as Posting[]).reduce((t, p) => t + p.amount, 0), 0)
    // every share was held for the 30-day window and then released; the workflow stayed past the end for the last one
    const releases = f.named('postJournalEntry').filter((c) => c.args.kind === 'creator_share_release')
    assert.equal(releases.length, 13)
    assert.equal(new Set(releases.map((r) => r.args.idempotencyKey)).size, 13)
    assert.deepEqual([out.result.status, out.result.endReason], ['ENDED', 'cancelled at period end'])
    assert.equal(f.state()!.access, 'NONE')
  })

  it('dunning: a declined renewal is retried on day 1 and 3; paid on the second retry, access never lapses', async () => {
    const { out, f } = await run({ charges: ['approve', 'decline', 'decline', 'approve'] }, async (h) => {
      await pass(31)
      const during = await state(h)
      await pass(4)
      const after = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'immediate', reason: 'test over', by: 'fan' }] })
      await h.result()
      return { during, after }
    })
    assert.deepEqual([out.during!.status, out.during!.access], ['PAST_DUE', 'FULL'])
    assert.deepEqual([out.after!.status, out.after!.access, out.after!.cycle], ['ACTIVE', 'FULL', 1])
    assert.deepEqual(f.notices().slice(0, 3), ['subscriptionStarted', 'subscriptionPaymentFailed', 'subscriptionRetryFailed'])
    assert.deepEqual(f.named('chargeFan').map((c) => (c.args.idempotencyKey as string).split(':').slice(2).join(':')),
      ['c0:initial:1', 'c1:renewal:1', 'c1:retry:1', 'c1:retry:2'])
  })

  it('dunning: every retry declined -> grace with restricted access -> cancelled unpaid on day 14', async () => {
    const { out, f } = await run({ charges: ['approve', 'decline', 'decline', 'decline', 'decline', 'decline'] }, async (h) => {
      await pass(31 + 8)
      const grace = await state(h)
      return { grace, result: await h.result() }
    })
    assert.deepEqual([out.grace!.status, out.grace!.access], ['GRACE', 'RESTRICTED'])
    assert.deepEqual([out.result.status, out.result.endReason], ['CANCELLED', 'unpaid'])
    assert.equal(f.state()!.access, 'NONE')
    assert.ok(f.notices().includes('subscriptionGraceStarted') && f.notices().at(-1) === 'subscriptionCancelledUnpaid')
    assert.equal(f.named('chargeFan').length, 1 + 1 + 4, 'the first charge, the renewal and four retries; none after the grace')
  })

  it('a declined first charge fails the subscription, books nothing and grants nothing', async () => {
    const { out, f } = await run({ charges: ['decline'] }, async (h) => h.result())
    assert.deepEqual([out.status, f.state()!.access], ['FAILED', 'NONE'])
    assert.equal(f.named('postJournalEntry').length, 0)
  })

  it('processor-owned rebilling: on-time and duplicate rebill notices book once; a missing rebill leads to grace and cancellation', async () => {
    const { out, f } = await run({ quote: { renewalMode: 'PROCESSOR' }, input: { processor: 'ccbill' } }, async (h) => {
      await pass(30)
      const event = { eventId: 'ev-r1', type: 'rebill' as const, transactionId: 'ccb-r1', amount: 1000, processorFee: 120, occurredAt: new Date().toISOString() }
      await h.signal(subscriptionEventSignal, event)
      await h.signal(subscriptionEventSignal, event)
      await pass(2)
      const renewed = await state(h)
      // no rebill for the next cycle: 48 h tolerance, then 7 days of grace, then cancelled
      await pass(30 + 3)
      const grace = await state(h)
      return { renewed, grace, result: await h.result() }
    })
    const recurring = f.named('chargeFan')[0]!.args.recurring as { periodDays: number; rebillAmount: number }
    assert.ok(recurring && recurring.rebillAmount === 1000, 'the first charge tells the processor to rebill')
    assert.equal(f.named('chargeFan').length, 1, 'we never charge a renewal the processor owns')
    assert.deepEqual([out.renewed!.status, out.renewed!.cycle], ['ACTIVE', 1])
    assert.equal(paid(f).length, 2, 'the duplicate notice booked nothing')
    assert.deepEqual([out.grace!.status, out.grace!.access], ['GRACE', 'RESTRICTED'])
    assert.deepEqual([out.result.status, out.result.endReason], ['CANCELLED', 'unpaid'])
    assert.equal(f.named('stopRebilling').length, 1, 'the processor is told to stop')
  })

  it('a rebill that arrives ahead of the due date renews on arrival; the next period starts at the due date', async () => {
    const { out, f } = await run({ quote: { renewalMode: 'PROCESSOR' }, input: { processor: 'ccbill' } }, async (h) => {
      await pass(5)
      const before = (await state(h))!.nextBillingAt!
      await h.signal(subscriptionEventSignal, { eventId: 'ev-early', type: 'rebill', transactionId: 'ccb-e', amount: 1000, processorFee: null, occurredAt: new Date().toISOString() })
      let s = await state(h)
      // the cycle number moves when the renewal starts; the period once it is booked
      for (let i = 0; i < 400 && s!.currentPeriod?.start !== before; i++) s = await new Promise((r) => setTimeout(r, 50)).then(() => state(h))
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
      return { before, s }
    })
    assert.equal(out.s!.cycle, 1)
    assert.equal(out.s!.currentPeriod!.start, out.before, 'the renewed period starts where the paid one ends')
    assert.equal(paid(f).length, 2)
  })

  it('a price change notice is mailed when it is announced, not at the next renewal', async () => {
    const { f } = await run({}, async (h, fakes) => {
      await pass(2)
      await h.signal(priceChangeSignal, { priceChangeId: 'pc-9', tierId: 'basic', monthlyPrice: 1200, amount: 1200, effectiveFrom: new Date(Date.now() + 40 * DAY).toISOString() })
      for (let i = 0; i < 100 && !fakes.notices().includes('subscriptionPriceChange'); i++) await new Promise((r) => setTimeout(r, 50))
      const s = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
      return s
    })
    assert.ok(f.notices().includes('subscriptionPriceChange'))
    assert.equal(f.named('renewalPrice').length, 0, 'announced before any renewal')
  })

  it('a rebill failure notice starts grace at once; a late successful rebill restores full access', async () => {
    const { out } = await run({ quote: { renewalMode: 'PROCESSOR' }, input: { processor: 'segpay' } }, async (h) => {
      await pass(30)
      await h.signal(subscriptionEventSignal, { eventId: 'ev-f', type: 'rebill_failed', transactionId: 'sp-f', amount: null, processorFee: null, occurredAt: new Date().toISOString() })
      await pass(1)
      const grace = await state(h)
      await h.signal(subscriptionEventSignal, { eventId: 'ev-ok', type: 'rebill', transactionId: 'sp-ok', amount: 1000, processorFee: null, occurredAt: new Date().toISOString() })
      await pass(1)
      const back = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
      return { grace, back }
    })
    assert.deepEqual([out.grace!.status, out.grace!.access], ['GRACE', 'RESTRICTED'])
    assert.deepEqual([out.back!.status, out.back!.access, out.back!.cycle], ['ACTIVE', 'FULL', 1])
  })

  it('an immediate cancel inside the refund window refunds the unused days and ends access now', async () => {
    const { out, f } = await run({}, async (h) => {
      await pass(1)
      const r = await h.executeUpdate(cancelUpdate, { args: [{ mode: 'immediate', reason: 'changed my mind', by: 'fan' }] })
      return { r, result: await h.result() }
    })
    assert.equal(out.r.mode, 'immediate')
    assert.ok(out.r.refund > 0 && out.r.refund < 1000, `refund ${out.r.refund}`)
    assert.equal(f.named('refundCharge')[0]!.args.amount, out.r.refund)
    const refund = f.named('postJournalEntry').find((c) => c.args.kind === 'subscription_refund')!
    assert.equal((refund.args.postings as Posting[]).reduce((t, p) => t + p.amount, 0), 0)
    assert.deepEqual([out.result.status, f.state()!.access], ['CANCELLED', 'NONE'])
  })

  it('pause moves the next billing date by the time paused; resume restores access', async () => {
    const { out, f } = await run({}, async (h) => {
      await pass(10)
      const before = (await state(h))!.nextBillingAt!
      await h.executeUpdate(pauseUpdate, { args: [{ days: 20 }] })
      const paused = await state(h)
      await pass(5)
      await h.executeUpdate(resumeUpdate, { args: [] })
      const resumed = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
      return { before, paused, resumed }
    })
    assert.deepEqual([out.paused!.status, out.paused!.access], ['PAUSED', 'NONE'])
    assert.deepEqual([out.resumed!.status, out.resumed!.access], ['ACTIVE', 'FULL'])
    const shift = new Date(out.resumed!.nextBillingAt!).getTime() - new Date(out.before).getTime()
    assert.ok(Math.abs(shift - 5 * DAY) < 60_000, `moved by ${shift / DAY} days`)
    assert.equal(f.named('chargeFan').length, 1)
  })

  it('upgrade charges the prorated difference now; downgrade waits for the period end', async () => {
    const { out, f } = await run({}, async (h) => {
      await pass(15)
      const up = await h.executeUpdate(changeTierUpdate, { args: [{ tierId: 'vip' }] })
      const down = await h.executeUpdate(changeTierUpdate, { args: [{ tierId: 'basic' }] })
      const same = await h.executeUpdate(changeTierUpdate, { args: [{ tierId: 'vip' }] }).catch((e: unknown) => e)
      await pass(17)
      const renewed = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
      return { up, down, same, renewed }
    })
    assert.equal(out.up.kind, 'upgrade')
    assert.ok(out.up.amountCharged > 400 && out.up.amountCharged < 600, `half a month of the 10.00 difference, got ${out.up.amountCharged}`)
    assert.deepEqual([out.down.kind, out.down.amountCharged, out.down.nextRenewal], ['downgrade', 0, 1000])
    assert.ok(out.same instanceof WorkflowUpdateFailedError, 'the pending downgrade keeps vip current, so asking for vip again is refused')
    assert.deepEqual([out.renewed!.tierId, out.renewed!.price], ['basic', 1000])
    assert.deepEqual(f.named('chargeFan').map((c) => c.args.amount), [1000, out.up.amountCharged, 1000])
  })

  it('a chargeback ends the subscription and removes access at once', async () => {
    const { out, f } = await run({}, async (h) => {
      await pass(3)
      await h.signal(chargebackNoticeSignal, { eventId: 'cb-1', transactionId: 'tx-1' })
      return h.result()
    })
    assert.deepEqual([out.status, out.endReason, f.state()!.access], ['CANCELLED', 'chargeback', 'NONE'])
    assert.equal(f.named('postJournalEntry').filter((c) => c.args.kind === 'creator_share_release').length, 0, 'the charged-back share is never released')
    assert.equal(f.notices().at(-1), 'subscriptionChargedBack')
  })

  it('a price change whose notice has not ended leaves the renewals at the old price', async () => {
    const { f } = await run({ priceFrom: { month: '9999', price: 1200 } }, async (h) => {
      await pass(62)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
    })
    assert.deepEqual(paid(f).map((c) => c.amount), [1000, 1000, 1000], 'no change is in force yet')
  })

  it('a price change applies at the first renewal after its notice', async () => {
    const { f: g } = await run({ priceFrom: { month: '0000', price: 1200 } }, async (h) => {
      await pass(32)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
    })
    assert.deepEqual(paid(g).map((c) => c.amount), [1000, 1200], 'the first charge keeps the quoted price; the renewal takes the new one')
  })

  it('a free trial grants access without a charge, then charges at its end', async () => {
    const { out, f } = await run({ quote: { trialDays: 7 } }, async (h) => {
      let trial = await state(h)
      for (let i = 0; i < 100 && trial?.status !== 'TRIALING'; i++) trial = await new Promise((r) => setTimeout(r, 50)).then(() => state(h))
      await pass(8)
      const after = await state(h)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'done', by: 'fan' }] })
      return { trial, after }
    })
    assert.deepEqual([out.trial!.status, out.trial!.access], ['TRIALING', 'FULL'])
    assert.deepEqual([out.after!.status, out.after!.cycle], ['ACTIVE', 0])
    assert.equal(f.named('chargeFan').length, 1)
  })
})
