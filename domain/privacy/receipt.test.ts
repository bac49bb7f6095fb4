import assert from 'node:assert/strict'
import { CodedError } from '../coded-error.ts'
import { buildReceipt, canonicalJson, type Receipt, type SystemReceipt } from './receipt.ts'

describe('canonical JSON', () => {
  const bare: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  bare.b = 1
  bare.a = 2
  const table: [string, unknown, string][] = [
    ['keys sorted', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['keys sorted at every depth, array order kept', { z: { y: 1, x: [{ d: 1, c: 2 }, 3] }, a: null }, '{"a":null,"z":{"x":[{"c":2,"d":1},3],"y":1}}'],
    ['keys by UTF-16 code unit, not locale', { é: 1, a: 2, Z: 3, _: 4, aa: 5, B: 6 }, '{"B":6,"Z":3,"_":4,"a":2,"aa":5,"é":1}'],
    ['Dates as ISO strings', { at: new Date('2026-11-24T12:00:00+01:00') }, '{"at":"2026-11-24T11:00:00.000Z"}'],
    ['undefined properties dropped', { a: undefined, b: 1, c: { d: undefined } }, '{"b":1,"c":{}}'],
    ['undefined array elements as null', [1, undefined, 2], '[1,null,2]'],
    ['strings escaped as JSON', { 'k"ey': 'line\nbreak "quoted" \\' }, '{"k\\"ey":"line\\nbreak \\"quoted\\" \\\\"}'],
    ['numbers as JSON writes them', [0, -0, 0.1, 1e21, -5], '[0,0,0.1,1e+21,-5]'],
    ['primitives', ['x', true, false, null], '["x",true,false,null]'],
    ['objects without a prototype', bare, '{"a":2,"b":1}'],
    ['empty containers', { a: [], b: {} }, '{"a":[],"b":{}}'],
  ]
  for (const [name, value, json] of table) it(name, () => assert.equal(canonicalJson(value), json))

  it('writes equal values alike whatever the key order, and parses back', () => {
    const one = { system: 'ledger', erased: { entries: 3, accounts: 1 }, withheld: [{ what: 'ledger', until: null }] }
    const two = { withheld: [{ until: null, what: 'ledger' }], erased: { accounts: 1, entries: 3 }, system: 'ledger' }
    assert.equal(canonicalJson(one), canonicalJson(two))
    assert.deepEqual(JSON.parse(canonicalJson(one)), one)
  })

  it('writes a value shared by two branches twice (not a cycle)', () => {
    const shared = { n: 1 }
    assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"n":1},"b":[{"n":1}]}')
  })

  const cyclic: Record<string, unknown> = { a: 1 }
  cyclic.self = { back: cyclic }
  const refused: [string, unknown][] = [
    ['NaN', { n: Number.NaN }], ['Infinity', [Number.POSITIVE_INFINITY]], ['a bigint', { n: 1n }], ['a function', { f: () => 1 }],
    ['a symbol', [Symbol('s')]], ['a Map', { m: new Map([['a', 1]]) }], ['a class instance', { e: new Error('x') }], ['a cycle', cyclic],
    ['undefined alone', undefined],
  ]
  for (const [name, value] of refused) it(`refuses ${name}`, () => assert.throws(() => canonicalJson(value), TypeError))
})

describe('DSR receipt', () => {
  const ledger: SystemReceipt = {
    system: 'ledger', status: 'WITHHELD', erased: {},
    withheld: [
      { what: 'payouts', holdKind: 'tax', reason: 'Tax records', until: '2035-01-01T00:00:00.000Z' },
      { what: 'journal_entries', holdKind: 'chargeback', reason: 'Open dispute', until: null },
      { what: 'journal_entries', holdKind: 'chargeback', reason: 'Dispute window', until: '2027-03-01T00:00:00.000Z' },
    ],
  }
  const postgres: SystemReceipt = { system: 'postgres', status: 'DONE', erased: { sessions: 4, profile: 1 }, withheld: [] }
  const search: SystemReceipt = { system: 'search', status: 'SKIPPED', erased: {}, withheld: [] }
  const input: Receipt = {
    requestId: 'dsr_1', kind: 'erasure', jurisdiction: 'GDPR', subject: 'psn_7f3a', systems: [search, postgres, ledger],
    receivedAt: '2026-11-01T10:00:00.000Z', completedAt: '2026-11-20T10:00:00.000Z', dueAt: '2026-12-01T10:00:00.000Z',
  }

  it('sorts systems by name and withheld items into a fixed order', () => {
    const receipt = buildReceipt(input)
    assert.deepEqual(receipt.systems.map((s) => s.system), ['ledger', 'postgres', 'search'])
    assert.deepEqual(receipt.systems[0]?.withheld.map((w) => [w.what, w.until]),
      [['journal_entries', '2027-03-01T00:00:00.000Z'], ['journal_entries', null], ['payouts', '2035-01-01T00:00:00.000Z']])
  })

  it('signs alike whatever order the systems were reported in, and leaves the input alone', () => {
    const reordered = { ...input, systems: [{ ...ledger, withheld: [...ledger.withheld].reverse() }, postgres, search] }
    assert.equal(canonicalJson(buildReceipt(reordered)), canonicalJson(buildReceipt(input)))
    assert.deepEqual(input.systems.map((s) => s.system), ['search', 'postgres', 'ledger'])
  })

  it('drops fields the receipt does not define, so nothing unexpected is signed', () => {
    const receipt = buildReceipt({ ...input, email: 'fan@example.com' } as Receipt)
    assert.equal('email' in receipt, false)
    assert.deepEqual(Object.keys(receipt).sort(), ['completedAt', 'dueAt', 'jurisdiction', 'kind', 'receivedAt', 'requestId', 'subject', 'systems'])
  })

  it('takes a receipt completed after its due date (late answers are still answered)', () =>
    assert.equal(buildReceipt({ ...input, completedAt: '2026-12-05T10:00:00.000Z' }).completedAt, '2026-12-05T10:00:00.000Z'))

  const invalid: [string, Partial<Receipt>, RegExp][] = [
    ['an email as subject', { subject: 'fan@example.com' }, /subject/],
    ['an empty request id', { requestId: ' ' }, /requestId/],
    ['an unknown kind', { kind: 'portability' as Receipt['kind'] }, /kind/],
    ['an unknown jurisdiction', { jurisdiction: 'LGPD' as Receipt['jurisdiction'] }, /jurisdiction/],
    ['a date without a time', { receivedAt: '2026-11-01' }, /receivedAt/],
    ['a time with an offset instead of Z', { dueAt: '2026-12-01T11:00:00+01:00' }, /dueAt/],
    ['completion before receipt', { completedAt: '2026-10-31T10:00:00.000Z' }, /completedAt/],
    ['a due date before receipt', { dueAt: '2026-10-01T10:00:00.000Z' }, /dueAt/],
    ['no systems', { systems: [] }, /systems/],
    ['a system twice', { systems: [postgres, { ...postgres }] }, /twice/],
    ['WITHHELD without what was kept', { systems: [{ ...ledger, withheld: [] }] }, /WITHHELD/],
    ['DONE while listing kept data', { systems: [{ ...ledger, status: 'DONE' }] }, /WITHHELD/],
    ['SKIPPED yet erasing', { systems: [{ ...search, erased: { documents: 2 } }] }, /SKIPPED/],
    ['a negative count', { systems: [{ ...postgres, erased: { sessions: -1 } }] }, /erased/],
    ['a part count', { systems: [{ ...postgres, erased: { sessions: 1.5 } }] }, /erased/],
    ['an unknown hold kind', { systems: [{ ...ledger, withheld: [{ what: 'x', holdKind: 'whim' as 'tax', reason: 'r', until: null }] }] }, /holdKind/],
    ['a hold end that is not an instant', { systems: [{ ...ledger, withheld: [{ what: 'x', holdKind: 'tax', reason: 'r', until: 'soon' }] }] }, /until/],
  ]
  for (const [name, over, path] of invalid) {
    it(`refuses ${name} with RECEIPT_INVALID`, () => assert.throws(() => buildReceipt({ ...input, ...over }),
      (err: unknown) => err instanceof CodedError && err.code === 'RECEIPT_INVALID' && path.test(err.message)))
  }
})
