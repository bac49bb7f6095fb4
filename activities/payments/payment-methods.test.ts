import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { createInMemoryKeyStore } from '../pii/in-memory-key-store.test-support.ts'
import { createPii } from '../pii/pii.ts'
import { PAYMENT_TOKEN_REFUSALS, SAVE_OUTCOMES, TOKEN_PURPOSE, createPaymentMethods, type PaymentMethodTable } from './payment-methods.ts'

type Row = Parameters<PaymentMethodTable['createMany']>[0]['data'][number] & { updatedAt?: Date }

/** payment_methods in a Map, with the unique (person_id, processor) and the conditional update of PostgreSQL. */
function inMemoryTable() {
  const rows = new Map<string, Row>()
  const key = (k: { personId: string; processor: string }) => `${k.personId}/${k.processor}`
  const table: PaymentMethodTable = {
    async findUnique({ where }) { return rows.get(key(where.personId_processor)) ?? null },
    async createMany({ data }) {
      const fresh = data.filter((r) => !rows.has(key(r)))
      for (const r of fresh) rows.set(key(r), { ...r })
      return { count: fresh.length }
    },
    async updateMany({ where, data }) {
      const row = rows.get(key(where))
      if (!row || row.sourceAt > where.sourceAt.lte) return { count: 0 }
      rows.set(key(where), { ...row, ...data })
      return { count: 1 }
    },
  }
  return { rows, table }
}

function setup() {
  const keyStore = createInMemoryKeyStore()
  const pii = createPii({ keyStore, masterKeys: new Map([['k1', randomBytes(32)]]), currentKeyId: 'k1', indexKey: randomBytes(32) })
  const { rows, table } = inMemoryTable()
  return { rows, keyStore, pii, methods: createPaymentMethods({ db: { paymentMethod: table }, pii }) }
}

const refusal = (code: string) => ({ name: 'PaymentTokenRefused', code })
const at = (iso: string) => new Date(iso)

describe('payment methods: the fan\'s stored tokens', () => {
  const fan: string = randomUUID()
  const save = (methods: ReturnType<typeof setup>['methods'], token: string, sourceEventId: string, when: string, personId = fan) =>
    methods.save({ personId, processor: 'verotel', token, sourceEventId, sourceAt: at(when) })

  it('stores a token encrypted with the fan\'s key, with the event that brought it, and reads it back', async () => {
    const { methods, rows, pii } = setup()
    assert.equal(await save(methods, 'tok_1', 'purchase:5001:7001', '2026-03-01T12:00:00Z'), SAVE_OUTCOMES.stored)
    const row = rows.get(`${fan}/verotel`)
    assert.ok(row && !row.tokenCiphertext.includes('tok_1'))
    assert.deepEqual([row.sourceEventId, row.sourceAt.toISOString()], ['purchase:5001:7001', '2026-03-01T12:00:00.000Z'])
    assert.equal(await pii.decrypt(fan, TOKEN_PURPOSE, row.tokenCiphertext), 'tok_1')
    assert.equal(await methods.stored(fan, 'verotel'), 'tok_1')
    assert.equal(await methods.stored(fan, 'segpay'), null)
    assert.equal(await methods.stored(randomUUID(), 'verotel'), null)
  })

  const sequences: [string, [string, string][], string][] = [
    ['a later sale replaces the token', [['tok_1', '2026-03-01T12:00:00Z'], ['tok_2', '2026-03-01T13:00:00Z']], 'tok_2'],
    ['a late redelivery of an older sale does not', [['tok_2', '2026-03-01T13:00:00Z'], ['tok_1', '2026-03-01T12:00:00Z']], 'tok_2'],
    ['a redelivery of the same event changes nothing', [['tok_1', '2026-03-01T12:00:00Z'], ['tok_1', '2026-03-01T12:00:00Z']], 'tok_1'],
  ]
  for (const [what, events, expected] of sequences) {
    it(what, async () => {
      const { methods, rows } = setup()
      const outcomes = []
      for (const [token, when] of events) outcomes.push(await save(methods, token, `purchase:${token}`, when))
      assert.equal(await methods.stored(fan, 'verotel'), expected)
      assert.equal(rows.get(`${fan}/verotel`)?.sourceEventId, `purchase:${expected}`)
      assert.equal(outcomes[1], events[1]![1] < events[0]![1] ? SAVE_OUTCOMES.newerOnFile : SAVE_OUTCOMES.stored)
    })
  }

  it('stores nothing for a reference that is no person id, nor for an erased fan, and reads nothing back for them', async () => {
    const { methods, rows, pii, keyStore } = setup()
    assert.equal(await save(methods, 'tok_1', 'e1', '2026-03-01T12:00:00Z', 'fan-1'), SAVE_OUTCOMES.notAPerson)
    assert.equal(await save(methods, 'tok_1', 'e1', '2026-03-01T12:00:00Z'), SAVE_OUTCOMES.stored)
    await keyStore.destroy(fan)
    assert.equal(await methods.stored(fan, 'verotel'), null)
    assert.equal(await save(methods, 'tok_2', 'e2', '2026-03-01T13:00:00Z'), SAVE_OUTCOMES.personErased)
    assert.equal(rows.size, 1)
    await assert.rejects(pii.decrypt(fan, TOKEN_PURPOSE, rows.get(`${fan}/verotel`)!.tokenCiphertext))
  })

  describe('the token a charge uses', () => {
    it('crypto: the fan\'s own id, given or not; another value is refused', async () => {
      const { methods } = setup()
      assert.equal(await methods.tokenFor({ processor: 'crypto', personId: fan }), fan)
      assert.equal(await methods.tokenFor({ processor: 'crypto', personId: fan, given: fan }), fan)
      await assert.rejects(methods.tokenFor({ processor: 'crypto', personId: fan, given: randomUUID() }), refusal(PAYMENT_TOKEN_REFUSALS.walletNotYours))
    })

    it('verotel: the given token first, else the stored one, else a refusal', async () => {
      const { methods } = setup()
      await assert.rejects(methods.tokenFor({ processor: 'verotel', personId: fan }), refusal(PAYMENT_TOKEN_REFUSALS.noStoredMethod))
      await save(methods, 'tok_stored', 'e1', '2026-03-01T12:00:00Z')
      assert.equal(await methods.tokenFor({ processor: 'verotel', personId: fan }), 'tok_stored')
      assert.equal(await methods.tokenFor({ processor: 'verotel', personId: fan, given: 'tok_given' }), 'tok_given')
    })

    for (const processor of ['ccbill', 'segpay', 'epoch'] as const) {
      it(`${processor}: the given token, and none stored stands in for it`, async () => {
        const { methods } = setup()
        assert.equal(await methods.tokenFor({ processor, personId: fan, given: 'tok_card' }), 'tok_card')
        await methods.save({ personId: fan, processor, token: 'tok_stored', sourceEventId: 'e', sourceAt: at('2026-03-01T12:00:00Z') })
        await assert.rejects(methods.tokenFor({ processor, personId: fan }), refusal(PAYMENT_TOKEN_REFUSALS.required))
      })
    }
  })
})
