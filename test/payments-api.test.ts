import assert from 'node:assert/strict'
import { randomInt, randomUUID } from 'node:crypto'
import express from 'express'
import pg from 'pg'
import pino from 'pino'
import { pinoHttp } from 'pino-http'
import type { Client } from '@temporalio/client'
import { createPersonKeyStore } from '../activities/identity/person-key-store.ts'
import type { ProcessorDriver } from '../activities/payments/driver.ts'
import { TOKEN_PURPOSE } from '../activities/payments/payment-methods.ts'
import { flexpaySignature } from '../activities/payments/verotel/signature.ts'
import { parseMasterKeys } from '../activities/pii/master-keys.ts'
import { createPii } from '../activities/pii/pii.ts'
import { sessionMiddleware } from '../api/auth.ts'
import { errorMiddleware } from '../api/errors.ts'
import { createPurchaseRouter } from '../api/routes/purchases.ts'
import { listen, type Listening } from '../ops/sandboxes/listen.ts'
import { createDb, type Db } from '../prisma/client.ts'
import { api, login, testStack, until } from './support/stack.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const digits = () => String(randomInt(100_000_000, 999_999_999))

describe('payments through the API: processors offered, crypto wallets, stored Verotel tokens, kept notifications', function () {
  this.timeout(120_000)
  let fan: string
  let fanId: string
  let creatorId: string
  let db: pg.Client
  let prisma: Db
  let posts: { crypto: string; verotel: string; spare: string }
  const purchases = async () => (await db.query('SELECT count(*)::int AS n FROM purchases')).rows[0].n as number
  const buy = (body: Record<string, unknown>) => api('/api/purchases', { method: 'POST', token: fan, body: { jurisdiction: 'US', ...body } })
  const outcome = (id: string) => until(() => api(`/api/purchases/${id}`, { token: fan }), (r) => r.status === 200 && r.body.status !== 'PENDING',
    `purchase ${id} outcome`).then((r) => r.body)
  const storedToken = async () => {
    const row = (await db.query("SELECT token_ciphertext, source_event_id FROM payment_methods WHERE person_id = $1 AND processor = 'verotel'", [fanId])).rows[0]
    if (!row) return null
    const env = testStack().env
    const pii = createPii({ keyStore: createPersonKeyStore(prisma), masterKeys: parseMasterKeys(env.PII_MASTER_KEYS), currentKeyId: env.PII_CURRENT_KEY_ID,
      indexKey: Buffer.from(env.PII_INDEX_KEY, 'base64url') })
    return { token: await pii.decrypt(fanId, TOKEN_PURPOSE, row.token_ciphertext), sourceEventId: row.source_event_id as string, ciphertext: row.token_ciphertext as string }
  }

  before(async () => {
    fan = await login('fan2@fanz.demo', 'FanzDemo!2026')
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    prisma = createDb(testStack().env.DATABASE_URL, { max: 2 })
    fanId = (await db.query("SELECT id FROM people WHERE email = 'fan2@fanz.demo'")).rows[0].id
    creatorId = (await db.query("SELECT id FROM people WHERE email = 'creator@fanz.demo'")).rows[0].id
    // posts of its own (not BoyFanz, whose list other tests assert): fan2 buys the cheapest BoyFanz post in the browser test
    const ids = (await db.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency)
      SELECT gen_random_uuid(), b.id, $1, 'payments api test ' || g, 1990 + g, 'USD' FROM generate_series(1, 3) g, brands b
      WHERE b.slug = 'daddyfanz' RETURNING id`, [creatorId])).rows.map((r: { id: string }) => r.id)
    posts = { crypto: ids[0]!, verotel: ids[1]!, spare: ids[2]! }
    await db.query("DELETE FROM payment_methods WHERE person_id = $1 AND processor = 'verotel'", [fanId])
  })
  after(async () => { await Promise.all([db.end(), prisma.$disconnect()]) })

  describe('a processor this deployment does not offer', () => {
    let app: Listening
    before(async () => {
      // the test stack configures every processor: this is the same router in a deployment that has CCBill alone
      const noWorkflow = { workflow: { start: () => Promise.reject(new Error('no workflow may start')) } } as unknown as Client
      const noPii = { encrypt: () => Promise.reject(new Error('unused')), decrypt: () => Promise.reject(new Error('unused')) }
      app = await listen(express().use(pinoHttp({ logger: pino({ level: 'silent' }) })).use(express.json()).use(sessionMiddleware(prisma))
        .use('/api', createPurchaseRouter({ db: prisma, temporal: noWorkflow, drivers: { ccbill: {} as ProcessorDriver }, pii: noPii }))
        .use(errorMiddleware), 0)
    })
    after(() => app.close())

    const cases: [string, string, Record<string, unknown>][] = [
      ['a purchase', '/api/purchases', { postId: '00000000-0000-4000-8000-000000000000', processor: 'segpay', paymentToken: 'tok_approve', jurisdiction: 'US' }],
      ['a tip', '/api/tips', { brand: 'boyfanz', amount: 500, currency: 'USD', processor: 'epoch', paymentToken: 'tok_approve', jurisdiction: 'US' }],
      ['a crypto purchase without a token', '/api/purchases', { postId: '00000000-0000-4000-8000-000000000000', processor: 'crypto', jurisdiction: 'US' }],
    ]
    for (const [what, path, body] of cases) {
      it(`refuses ${what} through it with 422 PROCESSOR_UNAVAILABLE, starting nothing`, async () => {
        const res = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${fan}` },
          body: JSON.stringify(path === '/api/tips' ? { ...body, creatorId } : body) })
        const answer = await res.json() as { error: { code: string; message: string } }
        assert.deepEqual([res.status, answer.error.code], [422, 'PROCESSOR_UNAVAILABLE'], JSON.stringify(answer))
        assert.match(answer.error.message, new RegExp(String(body.processor)))
      })
    }
  })

  it('a card processor without a paymentToken is a 400 naming the field, starting nothing', async () => {
    const before = await purchases()
    for (const processor of ['ccbill', 'segpay', 'epoch']) {
      const res = await buy({ postId: posts.spare, processor })
      assert.deepEqual([res.status, res.body.error.code], [400, 'VALIDATION_FAILED'], JSON.stringify(res.body))
      assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['paymentToken'])
    }
    const tip = await api('/api/tips', { method: 'POST', token: fan, body: { creatorId, brand: 'boyfanz', amount: 500, currency: 'USD', processor: 'ccbill', jurisdiction: 'US' } })
    assert.deepEqual([tip.status, tip.body.error.details?.[0]?.path], [400, 'paymentToken'])
    await sleep(300)
    assert.equal(await purchases(), before)
  })

  it('crypto refuses another wallet than the fan\'s own (422 WALLET_NOT_YOURS), then pays from the fan\'s own when the token is left out', async () => {
    const before = await purchases()
    const foreign = await buy({ postId: posts.crypto, processor: 'crypto', paymentToken: randomUUID() })
    assert.deepEqual([foreign.status, foreign.body.error.code], [422, 'WALLET_NOT_YOURS'], JSON.stringify(foreign.body))
    await sleep(300)
    assert.equal(await purchases(), before)

    const started = await buy({ postId: posts.crypto, processor: 'crypto' })
    assert.equal(started.status, 202, JSON.stringify(started.body))
    const purchase = await outcome(started.body.id)
    // a token other than the fan's id is declined by the driver as INVALID_PAYMENT_TOKEN: completion shows the API filled it in
    assert.deepEqual([purchase.status, purchase.processor, purchase.declineCode], ['COMPLETED', 'crypto', null], JSON.stringify(purchase))
    assert.match(purchase.transactionId, /^0x[0-9a-f]{64}$/)
  })

  describe('Verotel one-click tokens', () => {
    const env = () => testStack().env
    const sale = { saleID: digits(), transactionID: digits(), token: `tok_approve_${digits()}` }
    const signedUrl = (fields: Record<string, string>) =>
      new URL(`${env().PUBLIC_URL}/webhooks/verotel?${new URLSearchParams({ ...fields, signature: flexpaySignature(env().VEROTEL_SIGNATURE_KEY, fields) })}`)
    const postback = (fields: Record<string, string>) => fetch(signedUrl(fields))
    const saleFields = () => ({ type: 'purchase', shopID: env().VEROTEL_SHOP_ID, saleID: sale.saleID, transactionID: sale.transactionID,
      priceAmount: '9.99', priceCurrency: 'USD', paymentMethod: 'CC', custom1: 'ppv:payments-api-test', custom2: fanId, oneClickToken: sale.token })

    it('without a stored token and without one given: 422 NO_STORED_PAYMENT_METHOD, starting nothing', async () => {
      const before = await purchases()
      const res = await buy({ postId: posts.verotel, processor: 'verotel' })
      assert.deepEqual([res.status, res.body.error.code], [422, 'NO_STORED_PAYMENT_METHOD'], JSON.stringify(res.body))
      await sleep(300)
      assert.equal(await purchases(), before)
    })

    it('a signed sale postback stores its next token encrypted for the fan, and keeps it out of processor_events', async () => {
      const res = await postback(saleFields())
      assert.deepEqual([res.status, await res.text()], [200, 'OK'])
      const stored = await storedToken()
      assert.deepEqual([stored?.token, stored?.sourceEventId], [sale.token, `purchase:${sale.saleID}:${sale.transactionID}`])
      assert.ok(!stored?.ciphertext.includes(sale.token))
      const event = (await db.query("SELECT type, payload FROM processor_events WHERE processor = 'verotel' AND event_id = $1",
        [`purchase:${sale.saleID}:${sale.transactionID}`])).rows[0]
      assert.deepEqual([event.type, event.payload.raw.oneClickToken], ['sale', 'REDACTED'])
      assert.ok(!JSON.stringify(event.payload).includes(sale.token))
      const tampered = signedUrl({ ...saleFields(), saleID: digits(), transactionID: digits() })
      tampered.searchParams.set('oneClickToken', 'tok_approve_tampered')
      const forged = await fetch(tampered)
      assert.deepEqual([forged.status, ((await forged.json()) as { error: { code: string } }).error.code], [401, 'BAD_SIGNATURE'])
      assert.equal((await storedToken())?.token, sale.token)
    })

    it('a purchase without a token charges the stored one; the sale\'s postback replaces it; a late redelivery of the older one does not', async () => {
      const used = (await storedToken())?.token
      const started = await buy({ postId: posts.verotel, processor: 'verotel' })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      const purchase = await outcome(started.body.id)
      assert.deepEqual([purchase.status, purchase.processor], ['COMPLETED', 'verotel'], JSON.stringify(purchase))
      const sandbox = await (await fetch(`${env().VEROTEL_FLEXPAY_URL}/sandbox/transactions`)).json() as
        { transactions: { saleID: string | null; transactionID: string; oneClickToken: string; nextOneClickToken: string | null }[] }
      const charged = sandbox.transactions.find((t) => t.saleID === purchase.transactionId)
      assert.equal(charged?.oneClickToken, used, 'the stored token was charged')
      const next = await until(storedToken, (s) => s?.token === charged?.nextOneClickToken, 'the next token stored')
      assert.equal(next?.sourceEventId, `purchase:${charged?.saleID}:${charged?.transactionID}`)

      const late = await postback(saleFields())
      assert.deepEqual([late.status, await late.text()], [200, 'OK'])
      assert.equal((await storedToken())?.token, charged?.nextOneClickToken, 'the used-up token did not come back')
    })

    it('a signed postback of an event we do not act on (expiry) is stored and answered OK', async () => {
      const fields = { type: 'subscription', event: 'expiry', shopID: env().VEROTEL_SHOP_ID, saleID: digits(), custom2: fanId }
      const res = await postback(fields)
      assert.deepEqual([res.status, await res.text()], [200, 'OK'])
      const row = (await db.query("SELECT type, payload FROM processor_events WHERE processor = 'verotel' AND event_id = $1", [`expiry:${fields.saleID}:`])).rows[0]
      assert.deepEqual([row?.type, row?.payload.processorType], ['other', 'expiry'])
    })
  })

  it('a CCBill NewSaleFailure (a decline we do not act on) is stored once and answered 200, also when redelivered', async () => {
    const env = testStack().env
    const transactionId = `0${digits()}${digits()}`
    const body = new URLSearchParams({ transactionId, clientAccnum: env.CCBILL_CLIENT_ACCNUM, clientSubacc: '0000',
      timestamp: new Date().toISOString().slice(0, 19).replace('T', ' '), failureCode: 'BE-103', failureReason: 'Do not honor',
      'X-workflowId': 'ppv:payments-api-test', 'X-fanId': fanId }).toString()
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${env.PUBLIC_URL}/webhooks/ccbill?eventType=NewSaleFailure`, { method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
      assert.equal(res.status, 200, await res.text())
    }
    const rows = (await db.query("SELECT type, transaction_id, payload FROM processor_events WHERE processor = 'ccbill' AND event_id = $1",
      [`NewSaleFailure::${transactionId}`])).rows
    assert.equal(rows.length, 1)
    assert.deepEqual([rows[0].type, rows[0].transaction_id, rows[0].payload.processorType, rows[0].payload.raw.failureCode],
      ['sale_failed', transactionId, 'NewSaleFailure', 'BE-103'])
  })
})
