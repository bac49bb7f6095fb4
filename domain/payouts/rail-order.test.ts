import assert from 'node:assert/strict'
import type { PayoutRailName } from './destinations.ts'
import { railAttemptOrder, railFailureAction, type RailFailureAction, type RailMethod } from './rail-order.ts'

const V = '2025-01-01T00:00:00Z'
const m = (id: string, rail: PayoutRailName, priority: number, verifiedAt: string | null = V): RailMethod => ({ id, rail, priority, verifiedAt })

describe('rail attempt order', () => {
  const cases: [name: string, methods: RailMethod[], ids: string[]][] = [
    ['by priority', [m('c', 'crypto', 2), m('w', 'wire', 1), m('p', 'paxum', 3)], ['w', 'c', 'p']],
    ['ties follow paxum, wise, ach, wire, crypto', [m('c', 'crypto', 1), m('a', 'ach', 1), m('w', 'wire', 1), m('x', 'wise', 1), m('p', 'paxum', 1)],
      ['p', 'x', 'a', 'w', 'c']],
    ['priority beats the default order', [m('p', 'paxum', 2), m('c', 'crypto', 1)], ['c', 'p']],
    ['same rail and priority: by id, so the order is stable', [m('b2', 'ach', 1), m('b1', 'ach', 1)], ['b1', 'b2']],
    ['unverified methods are never tried', [m('p', 'paxum', 1, null), m('a', 'ach', 2)], ['a']],
    ['no methods', [], []],
  ]
  for (const [name, methods, ids] of cases) {
    it(name, () => assert.deepEqual(railAttemptOrder(methods).map((x) => x.id), ids))
  }

  it('keeps the caller\'s extra fields and does not reorder the input', () => {
    const input = [{ ...m('c', 'crypto', 2), label: 'wallet' }, { ...m('p', 'paxum', 1), label: 'paxum' }]
    assert.deepEqual(railAttemptOrder(input).map((x) => x.label), ['paxum', 'wallet'])
    assert.deepEqual(input.map((x) => x.id), ['c', 'p'])
  })
})

describe('rail failures', () => {
  const cases: [failure: string, action: RailFailureAction][] = [
    ['INVALID_ACCOUNT', 'NEXT_RAIL'], ['RECIPIENT_REFUSED', 'NEXT_RAIL'], ['UNSUPPORTED', 'NEXT_RAIL'], ['REJECTED', 'NEXT_RAIL'],
    ['INSUFFICIENT_FUNDS', 'WAIT_AND_RETRY'], ['RETURNED', 'REVERSE'], ['TIMEOUT', 'REVIEW'], ['toString', 'REVIEW'], ['', 'REVIEW'],
  ]
  for (const [failure, action] of cases) {
    it(`${failure || '(empty)'} -> ${action}`, () => assert.equal(railFailureAction(failure), action))
  }
})
