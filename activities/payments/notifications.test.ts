import assert from 'node:assert/strict'
import { NOTIFICATION_ERRORS, NotificationRejected, type ProcessorEvent } from './driver.ts'
import { assertFresh, isConsumed, parseUtcDateTime, storableEvent } from './notifications.ts'

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn()
    return null
  } catch (err) {
    assert.ok(err instanceof NotificationRejected, String(err))
    return err.code
  }
}

describe('notification parsing shared by the processors', () => {
  const DAY = 86_400_000
  const ages: [string, string, string | null][] = [
    ['a second old', '2026-03-01T11:59:59Z', null],
    ['exactly the window old', '2026-02-28T12:00:00Z', null],
    ['a millisecond past the window', '2026-02-28T11:59:59.999Z', NOTIFICATION_ERRORS.stale],
    ['a day and a second in the future', '2026-03-02T12:00:01Z', NOTIFICATION_ERRORS.stale],
  ]
  for (const [what, occurred, code] of ages) {
    it(`an event ${what} is ${code ?? 'fresh'}`, () =>
      assert.equal(codeOf(() => assertFresh(new Date(occurred), '2026-03-01T12:00:00.000Z', DAY, 'test event')), code))
  }

  it('an arrival time that is not a time is never fresh', () =>
    assert.equal(codeOf(() => assertFresh(new Date('2026-03-01T12:00:00Z'), 'garbage', DAY, 'test event')), NOTIFICATION_ERRORS.stale))

  const dates: [string | undefined, string | null][] = [
    ['2026-03-01 11:59:58', '2026-03-01T11:59:58.000Z'], ['2026-03-01T00:00:00', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29 23:59:59', '2024-02-29T23:59:59.000Z'], ['2026-02-29 10:00:00', null], ['2026-03-01 24:00:00', null],
    ['2026-03-01 12:60:00', null], ['2026-03-01 12:00:60', null], ['03/01/2026 11:59', null], ['', null], [undefined, null],
  ]
  for (const [text, iso] of dates) {
    it(`reads '${String(text)}' as ${iso ?? 'malformed'}`, () => {
      if (iso) assert.equal(parseUtcDateTime(text, 'timestamp').toISOString(), iso)
      else assert.equal(codeOf(() => parseUtcDateTime(text, 'timestamp')), NOTIFICATION_ERRORS.malformed)
    })
  }

  it('acts on money movements and keeps declined sales and other events only', () => {
    const types: ProcessorEvent['type'][] = ['sale', 'sale_failed', 'rebill', 'rebill_failed', 'refund', 'void', 'chargeback', 'cancellation', 'other']
    assert.deepEqual(types.filter((t) => !isConsumed(t)), ['sale_failed', 'other'])
  })

  const event: ProcessorEvent = { processor: 'verotel', eventId: 'purchase:5001:7001', type: 'sale', processorType: 'purchase', transactionId: '5001',
    amount: 999, currency: 'USD', occurredAt: '2026-03-01T12:00:00.000Z', reference: { workflowId: 'ppv:f:p', fanId: 'f' },
    nextPaymentToken: 'tok_next', raw: { saleID: '5001', oneClickToken: 'tok_next', description: 'tok_next', signature: 'abc' } }

  it('stores an event without the payment token it issued, in any field', () => {
    const stored = storableEvent(event)
    assert.ok(!('nextPaymentToken' in stored))
    assert.deepEqual(stored.raw, { saleID: '5001', oneClickToken: 'REDACTED', description: 'REDACTED', signature: 'abc' })
    assert.ok(!JSON.stringify(stored).includes('tok_next'))
    assert.equal(event.raw.oneClickToken, 'tok_next', 'the event itself is left alone')
  })

  it('stores an event that issued no token as it is', () => {
    const plain = { ...event, nextPaymentToken: null, raw: { saleID: '5001' } }
    const expected = Object.fromEntries(Object.entries(plain).filter(([k]) => k !== 'nextPaymentToken'))
    assert.deepEqual(storableEvent(plain), expected)
  })
})
