import assert from 'node:assert/strict'
import { refundRefusal } from './refund-policy.ts'

const now = new Date('2026-11-23T12:00:00Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000)
const purchase = (o: Partial<{ fanId: string; status: string; createdAt: Date; transactionId: string | null; kind: string }> = {}) =>
  ({ fanId: 'fan-1', status: 'COMPLETED', createdAt: hoursAgo(1), transactionId: 'tx', ...o })

describe('refund policy', () => {
  const table: [string, ReturnType<typeof purchase>, { personId: string; role: 'fan' | 'finance' }, string | null][] = [
    ['the fan, within 24 h', purchase(), { personId: 'fan-1', role: 'fan' }, null],
    ['the fan, exactly at 24 h', purchase({ createdAt: hoursAgo(24) }), { personId: 'fan-1', role: 'fan' }, null],
    ['the fan, after 24 h', purchase({ createdAt: hoursAgo(25) }), { personId: 'fan-1', role: 'fan' }, 'REFUND_WINDOW_CLOSED'],
    ['finance, after 24 h', purchase({ createdAt: hoursAgo(500) }), { personId: 'fin-1', role: 'finance' }, null],
    ['another fan', purchase(), { personId: 'fan-2', role: 'fan' }, 'NOT_YOUR_PURCHASE'],
    ['a declined purchase', purchase({ status: 'DECLINED' }), { personId: 'fin-1', role: 'finance' }, 'NOT_REFUNDABLE'],
    ['an already refunded purchase', purchase({ status: 'REFUNDED' }), { personId: 'fan-1', role: 'fan' }, 'NOT_REFUNDABLE'],
    ['a purchase without a transaction', purchase({ transactionId: null }), { personId: 'fan-1', role: 'fan' }, 'NOT_REFUNDABLE'],
    ['the fan, a minted collectible', purchase({ kind: 'collectible' }), { personId: 'fan-1', role: 'fan' }, 'NOT_REFUNDABLE'],
    ['finance, a collectible', purchase({ kind: 'collectible' }), { personId: 'fin-1', role: 'finance' }, null],
  ]
  for (const [name, p, requester, code] of table) {
    it(`${name} -> ${code ?? 'allowed'}`, () => assert.equal(refundRefusal({ purchase: p, requester, now })?.code ?? null, code))
  }
})
