import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { convert } from '../domain/money.ts'
import { api, login, testStack, until } from './support/stack.ts'

const personId = async (db: pg.Client, email: string) => (await db.query('SELECT id FROM people WHERE email = $1', [email])).rows[0].id as string
type Leg = { kind: string; currency: string; owner: string | null; amount: number }

describe('what a sale is split by: stored share deals, referrals and the settlement rate (real stack)', function () {
  this.timeout(120_000)
  let fan: string
  let finance: string
  let db: pg.Client
  let creatorId: string
  let referrerId: string
  const made = { rules: [] as string[], posts: [] as string[] }

  before(async () => {
    ;[fan, finance] = await Promise.all([login('fan@fanz.demo'), login('finance@fanz.demo')])
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    ;[creatorId, referrerId] = await Promise.all([personId(db, 'creator@fanz.demo'), personId(db, 'fan2@fanz.demo')])
    await db.query("DELETE FROM referrals WHERE brand = 'boyfanz' AND creator_id = $1", [creatorId])
  })
  after(async () => {
    // no deal stays in force to change the splits other tests assert
    await db.query("DELETE FROM referrals WHERE brand = 'boyfanz' AND creator_id = $1", [creatorId])
    await db.query('DELETE FROM revenue_share_rules WHERE id = ANY($1::uuid[])', [made.rules])
    await db.query("UPDATE posts SET status = 'REMOVED' WHERE id = ANY($1::uuid[])", [made.posts])
    await db.end()
  })

  /** Buys a post as the fan and returns the sale entry's legs and its fx column. */
  async function buy(postId: string) {
    const started = await api('/api/purchases', { method: 'POST', token: fan, body: { postId, paymentToken: 'tok_approve_visa', jurisdiction: 'US' } })
    assert.equal(started.status, 202, JSON.stringify(started.body))
    const purchase = await until(() => api(`/api/purchases/${started.body.id}`, { token: fan }), (r) => r.status === 200 && r.body.status !== 'PENDING', 'a purchase outcome')
    assert.equal(purchase.body.status, 'COMPLETED', JSON.stringify(purchase.body))
    const entry = (await db.query('SELECT fx, metadata FROM journal_entries WHERE id = $1', [purchase.body.ledgerEntryId])).rows[0]
    const legs: Leg[] = (await db.query(`SELECT a.kind, p.currency, a.owner, p.amount::int FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
      WHERE p.entry_id = $1 ORDER BY p.id`, [purchase.body.ledgerEntryId])).rows
    return { split: purchase.body.split, fx: entry.fx, metadata: entry.metadata, legs }
  }
  const sum = (legs: Leg[], currency: string) => legs.filter((l) => l.currency === currency).reduce((s, l) => s + l.amount, 0)
  const newPost = async (price: number, currency: string) => {
    const id = (await db.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency)
      SELECT gen_random_uuid(), b.id, $1, 'sale rules ' || $2, $3, $4 FROM brands b WHERE b.slug = 'boyfanz' RETURNING id`,
    [creatorId, randomUUID(), price, currency])).rows[0].id as string
    made.posts.push(id)
    return id
  }

  it('a post priced in euros on a brand that settles in dollars: the creator share converts at the day\'s rate, kept on the entry', async () => {
    const post = (await db.query("SELECT id FROM posts WHERE title = 'Berlin night shoot' AND currency = 'EUR'")).rows[0]
    assert.ok(post, 'the demo seed has a euro post')
    const { split, fx, legs } = await buy(post.id)
    assert.deepEqual({ from: fx.from, currency: fx.currency, rate: fx.rate, asOf: fx.asOf }, { from: 'EUR', currency: 'USD', rate: '1.085', asOf: '2026-01-01' })
    assert.equal(sum(legs, 'EUR'), 0, 'balanced in euros')
    assert.equal(sum(legs, 'USD'), 0, 'balanced in dollars')
    const creatorUsd = convert(split.creator, 'EUR', 'USD', '1.085').amount
    assert.deepEqual(legs.filter((l) => l.kind === 'creator_pending').map((l) => [l.currency, l.amount]), [['USD', -creatorUsd]])
    assert.equal(split.settled.creator, creatorUsd)
    assert.deepEqual(legs.filter((l) => l.kind === 'fx_position').map((l) => [l.currency, l.amount]), [['EUR', -split.creator], ['USD', creatorUsd]])
  })

  it('a creator\'s own deal and a running referral change the split of the next sale; ended, they stop', async () => {
    const rule = await api('/api/revenue-share-rules', { method: 'POST', token: finance,
      body: { brand: 'boyfanz', creatorId, creatorShareBps: 9000, reason: 'launch deal for a top creator' } })
    assert.equal(rule.status, 201, JSON.stringify(rule.body))
    made.rules.push(rule.body.id)
    const referral = await api('/api/referrals', { method: 'POST', token: finance,
      body: { brand: 'boyfanz', creatorId, referrerId, bps: 2000, endsAt: new Date(Date.now() + 86_400_000).toISOString() } })
    assert.equal(referral.status, 201, JSON.stringify(referral.body))

    const withDeal = await buy(await newPost(1000, 'USD'))
    // 10.00 USD, no US sales tax in the demo table: creator 90 % = 9.00, referrer 20 % of the platform's 1.00 = 0.20
    assert.deepEqual([withDeal.split.rates.creatorShareBps, withDeal.split.creator, withDeal.split.referral], [9000, 900, { referrerId, amount: 20 }])
    assert.equal(withDeal.metadata.shareRuleId, rule.body.id, 'the entry names the deal it was split by')
    assert.deepEqual(withDeal.legs.filter((l) => l.kind === 'referral_payable').map((l) => [l.owner, l.amount]), [[referrerId, -20]])
    assert.equal(withDeal.fx, null, 'a sale in the settlement currency converts nothing')

    for (const [path, id] of [['revenue-share-rules', rule.body.id], ['referrals', referral.body.id]]) {
      const ended = await api(`/api/${path}/${id}/end`, { method: 'POST', token: finance, body: { reason: 'test over' } })
      assert.equal(ended.status, 200, JSON.stringify(ended.body))
    }
    const after = await buy(await newPost(1000, 'USD'))
    assert.deepEqual([after.split.rates.creatorShareBps, after.split.creator, after.split.referral], [8000, 800, null])
  })

  it('finance records a day\'s rate once; a second write, a pair of one currency and a fan are refused', async () => {
    const day = new Date().toISOString().slice(0, 10)
    const body = { base: 'GBP', quote: 'EUR', asOf: day, rate: '1.1700', source: 'test: ECB reference rate' }
    await db.query('DELETE FROM fx_rates WHERE base = $1 AND quote = $2 AND as_of = $3', [body.base, body.quote, day])
    const created = await api('/api/fx-rates', { method: 'POST', token: finance, body })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    assert.deepEqual([created.body.id, created.body.rate], [`GBP/EUR/${day}`, '1.17'])
    const again = await api('/api/fx-rates', { method: 'POST', token: finance, body: { ...body, rate: '1.2' } })
    assert.deepEqual([again.status, again.body.error.code], [409, 'CONFLICT'])
    const same = await api('/api/fx-rates', { method: 'POST', token: finance, body: { ...body, quote: 'GBP' } })
    assert.deepEqual([same.status, same.body.error.code], [400, 'VALIDATION_FAILED'])
    const negative = await api('/api/fx-rates', { method: 'POST', token: finance, body: { ...body, rate: '-1' } })
    assert.deepEqual([negative.status, negative.body.error.code], [400, 'VALIDATION_FAILED'])
    assert.equal((await api('/api/fx-rates', { method: 'POST', token: fan, body })).status, 403)
    const listed = await api(`/api/fx-rates?filter=${encodeURIComponent(JSON.stringify({ base: 'GBP', quote: 'EUR' }))}`, { token: finance })
    assert.ok(listed.body.some((r: { id: string; rate: string }) => r.id === `GBP/EUR/${day}` && r.rate === '1.17'))
    assert.equal((await db.query('SELECT rate::text FROM fx_rates WHERE base = $1 AND quote = $2 AND as_of = $3', [body.base, body.quote, day])).rows[0].rate,
      '1.1700000000', 'the refused second write changed nothing')
  })
})
