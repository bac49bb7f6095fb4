import assert from 'node:assert/strict'
import {
  DEFAULT_DUNNING_POLICY, PROCESSOR_REBILL_POLICIES, assertDunningPolicy, dunningDeadline, nextDunningStep, nextRebillStep,
  type DunningPolicy, type DunningStep, type RebillStep,
} from './dunning.ts'

const DAY = 86_400_000
const failedAt = '2026-03-01T12:00:00Z'
const at = (days: number, hours = 0) => new Date(Date.parse(failedAt) + days * DAY + hours * 3_600_000).toISOString()

describe('dunning', () => {
  const steps: [attempts: number, now: string, step: DunningStep][] = [
    [0, at(0), { action: 'retry', key: 'retry-1', at: at(1), attempt: 1, access: 'full', notice: 'subscriptionPaymentFailed' }],
    [1, at(1), { action: 'retry', key: 'retry-2', at: at(3), attempt: 2, access: 'full', notice: 'subscriptionRetryFailed' }],
    [2, at(3), { action: 'retry', key: 'retry-3', at: at(5), attempt: 3, access: 'full', notice: 'subscriptionRetryFailed' }],
    [3, at(5), { action: 'retry', key: 'retry-4', at: at(7), attempt: 4, access: 'full', notice: 'subscriptionRetryFailed' }],
    [1, at(4), { action: 'retry', key: 'retry-2', at: at(4), attempt: 2, access: 'full', notice: 'subscriptionRetryFailed' }],
    [4, at(7), { action: 'grace', key: 'grace', at: at(7), until: at(14), access: 'restricted', notice: 'subscriptionGraceStarted' }],
    [4, at(13, 23), { action: 'grace', key: 'grace', at: at(13, 23), until: at(14), access: 'restricted', notice: 'subscriptionGraceStarted' }],
    [4, at(14), { action: 'cancel', key: 'cancel', at: at(14), access: 'none', notice: 'subscriptionCancelledUnpaid' }],
    [2, at(20), { action: 'cancel', key: 'cancel', at: at(20), access: 'none', notice: 'subscriptionCancelledUnpaid' }],
  ]
  for (const [attempts, now, step] of steps) {
    it(`default policy, ${attempts} failed retries, at ${now}: ${step.action} (${step.key})`, () =>
      assert.deepEqual(nextDunningStep(DEFAULT_DUNNING_POLICY, { failedAt, attempts, now }), step))
  }

  it('walks the default policy from failure to cancellation on days 1, 3, 5, 7, then 14', () => {
    const trail: string[] = []
    let [attempts, now] = [0, Date.parse(failedAt)]
    for (;;) {
      const step = nextDunningStep(DEFAULT_DUNNING_POLICY, { failedAt, attempts, now })
      trail.push(`${step.key}@${(Date.parse(step.action === 'grace' ? step.until : step.at) - Date.parse(failedAt)) / DAY}`)
      if (step.action === 'cancel') break
      if (step.action === 'retry') attempts += 1
      now = Date.parse(step.action === 'grace' ? step.until : step.at)
    }
    assert.deepEqual(trail, ['retry-1@1', 'retry-2@3', 'retry-3@5', 'retry-4@7', 'grace@14', 'cancel@14'])
  })

  it('follows a configured policy: one retry on day 2, restricted meanwhile, no grace', () => {
    const policy: DunningPolicy = { retryDays: [2], accessDuringRetries: 'restricted', graceDays: 0 }
    assert.equal(nextDunningStep(policy, { failedAt, attempts: 0, now: at(0) }).access, 'restricted')
    assert.equal(nextDunningStep(policy, { failedAt, attempts: 1, now: at(2) }).action, 'cancel')
    assert.equal(dunningDeadline(policy, failedAt), at(2))
    assert.equal(dunningDeadline({ ...policy, retryDays: [], graceDays: 3 }, failedAt), at(3))
    assert.equal(nextDunningStep({ ...policy, retryDays: [], graceDays: 3 }, { failedAt, attempts: 0, now: at(0) }).action, 'grace')
  })

  const badPolicies: [what: string, policy: DunningPolicy][] = [
    ['retries out of order', { ...DEFAULT_DUNNING_POLICY, retryDays: [3, 1] }],
    ['a retry on day 0', { ...DEFAULT_DUNNING_POLICY, retryDays: [0, 2] }],
    ['two retries on one day', { ...DEFAULT_DUNNING_POLICY, retryDays: [1, 1] }],
    ['a fractional day', { ...DEFAULT_DUNNING_POLICY, retryDays: [1.5] }],
    ['a negative grace', { ...DEFAULT_DUNNING_POLICY, graceDays: -1 }],
    ['a grace over a year', { ...DEFAULT_DUNNING_POLICY, graceDays: 400 }],
  ]
  for (const [what, policy] of badPolicies) {
    it(`refuses a policy with ${what}`, () => {
      assert.throws(() => assertDunningPolicy(policy), { name: 'SubscriptionError', code: 'INVALID_POLICY' })
      assert.throws(() => nextDunningStep(policy, { failedAt, attempts: 0, now: failedAt }), { code: 'INVALID_POLICY' })
    })
  }
  it('refuses a negative attempt count', () =>
    assert.throws(() => nextDunningStep(DEFAULT_DUNNING_POLICY, { failedAt, attempts: -1, now: failedAt }), { code: 'INVALID_POLICY' }))
})

describe('processor-owned rebills', () => {
  const dueAt = '2026-03-01T12:00:00Z'
  const h = (hours: number) => new Date(Date.parse(dueAt) + hours * 3_600_000).toISOString()
  const ccbill = PROCESSOR_REBILL_POLICIES.ccbill

  it('has a policy for each processor that rebills on its own', () =>
    assert.deepEqual(Object.keys(PROCESSOR_REBILL_POLICIES).sort(), ['ccbill', 'epoch', 'segpay', 'verotel']))

  const steps: [what: string, now: string, failed: boolean, step: RebillStep][] = [
    ['before the due date', h(-1), false, { action: 'await', key: 'await', until: h(48), access: 'full', notice: null }],
    ['47 h late', h(47), false, { action: 'await', key: 'await', until: h(48), access: 'full', notice: null }],
    ['48 h late, no postback', h(48), false,
      { action: 'grace', key: 'grace', until: h(48 + 168), access: 'restricted', notice: 'subscriptionRenewalUnconfirmed' }],
    ['a decline reported on time', h(1), true,
      { action: 'grace', key: 'grace', until: h(48 + 168), access: 'restricted', notice: 'subscriptionPaymentFailed' }],
    ['at the end of grace', h(48 + 168), false, { action: 'cancel', key: 'cancel', at: h(48 + 168), access: 'none', notice: 'subscriptionCancelledUnpaid' }],
    ['long after a decline', h(400), true, { action: 'cancel', key: 'cancel', at: h(400), access: 'none', notice: 'subscriptionCancelledUnpaid' }],
  ]
  for (const [what, now, failed, step] of steps) {
    it(`CCBill, ${what}: ${step.action}`, () => assert.deepEqual(nextRebillStep(ccbill, { dueAt, now, failed }), step))
  }

  it('gives each processor its own tolerance', () => {
    assert.equal(nextRebillStep(PROCESSOR_REBILL_POLICIES.verotel, { dueAt, now: h(60), failed: false }).action, 'await')
    assert.equal(nextRebillStep(PROCESSOR_REBILL_POLICIES.epoch, { dueAt, now: h(24), failed: false }).action, 'grace')
  })

  it('refuses a malformed tolerance', () =>
    assert.throws(() => nextRebillStep({ lateToleranceHours: -1, graceDays: 7 }, { dueAt, now: dueAt, failed: false }), { code: 'INVALID_POLICY' }))
})
