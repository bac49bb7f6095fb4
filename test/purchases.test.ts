import assert from 'node:assert/strict'
import pg from 'pg'
import { api, login, testStack } from './support/stack.ts'
import { stackTemporal } from './support/temporal.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls a purchase until its workflow has recorded an outcome. */
async function outcome(token: string, id: string) {
  for (let i = 0; i < 120; i++) {
    const res = await api(`/api/purchases/${id}`, { token })
    if (res.status === 200 && res.body.status !== 'PENDING') return res.body
    await sleep(250)
  }
  throw new Error(`purchase ${id} recorded no outcome`)
}

describe('PPV purchases through the API (real Temporal, PostgreSQL ledger, CCBill sandbox)', function () {
  this.timeout(120_000)
  let fan: string
  let creator: string
  let db: pg.Client
  let posts: { id: string; price_minor: number }[]
  let completed: { workflowId: string; transactionId: string } | undefined
  before(async () => {
    ;[fan, creator] = await Promise.all([login('fan@fanz.demo'), login('creator@fanz.demo')])
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    posts = (await db.query(`SELECT p.id, p.price_minor FROM posts p JOIN people c ON c.id = p.creator_id JOIN brands b ON b.id = p.brand_id
      WHERE c.email = 'creator@fanz.demo' AND b.slug = 'boyfanz' AND p.currency = 'USD' AND p.status = 'PUBLISHED' ORDER BY p.price_minor`)).rows
    assert.equal(posts.length, 2)
  })
  after(() => db.end())

  it('charges once, books a balanced split with the run that caused it, and grants access', async () => {
    const post = posts[0]!
    const started = await api('/api/purchases', { method: 'POST', token: fan, body: { postId: post.id, paymentToken: 'tok_approve_visa', jurisdiction: 'DE' } })
    assert.equal(started.status, 202, JSON.stringify(started.body))
    assert.equal(started.headers.get('location'), `/api/purchases/${started.body.id}`)
    const purchase = await outcome(fan, started.body.id)
    assert.equal(purchase.status, 'COMPLETED', JSON.stringify(purchase))
    assert.equal((await api(`/api/posts/${post.id}/access`, { token: fan })).body.entitled, true)

    const entry = await db.query(`SELECT e.id, e.workflow_id, e.run_id, e.activity_type, sum(p.amount)::int AS total, count(*)::int AS legs
      FROM journal_entries e JOIN postings p ON p.entry_id = e.id WHERE e.idempotency_key = $1 GROUP BY e.id`, [`purchase:${started.body.id}:sale`])
    assert.deepEqual([entry.rows[0].workflow_id, entry.rows[0].run_id, entry.rows[0].activity_type, entry.rows[0].total],
      [started.body.workflowId, started.body.runId, 'postJournalEntry', 0])
    assert.equal(String(entry.rows[0].id), purchase.ledgerEntryId)
    // 4.99 with German VAT 19 % inclusive: tax 0.80, net 4.19, creator 80 % = 3.35 pending for the chargeback window
    const pending = await db.query(`SELECT a.balance::int FROM ledger_accounts a JOIN people c ON a.owner = c.id::text
      WHERE c.email = 'creator@fanz.demo' AND a.kind = 'creator_pending'`)
    assert.ok(pending.rows.some((r: { balance: number }) => r.balance <= -335))

    const sandbox = await (await fetch(`${testStack().env.CCBILL_API_URL}/sandbox/transactions`)).json() as { transactions: { passThrough: Record<string, string> }[] }
    assert.equal(sandbox.transactions.filter((t) => Object.values(t.passThrough).includes(started.body.workflowId)).length, 1, 'exactly one charge')

    // CCBill's NewSaleSuccess webhook arrives from the sandbox, is verified and stored once
    let stored = 0
    for (let i = 0; i < 40 && stored === 0; i++) {
      stored = (await db.query('SELECT 1 FROM processor_events WHERE workflow_id = $1 AND type = $2', [started.body.workflowId, 'sale'])).rowCount ?? 0
      if (!stored) await sleep(250)
    }
    assert.equal(stored, 1)

    completed = { workflowId: started.body.workflowId, transactionId: purchase.transactionId }
    const again = await api('/api/purchases', { method: 'POST', token: fan, body: { postId: post.id, paymentToken: 'tok_approve_visa', jurisdiction: 'DE' } })
    assert.equal(again.status, 409)
    assert.equal(again.body.error.code, 'WORKFLOW_ALREADY_STARTED')
  })

  it('a declined card records the decline, books nothing and grants nothing', async () => {
    const post = posts[1]!
    const started = await api('/api/purchases', { method: 'POST', token: fan, body: { postId: post.id, paymentToken: 'tok_decline_funds', jurisdiction: 'US-TX' } })
    assert.equal(started.status, 202)
    const purchase = await outcome(fan, started.body.id)
    assert.deepEqual([purchase.status, purchase.declineCode, purchase.ledgerEntryId], ['DECLINED', 'INSUFFICIENT_FUNDS', null])
    assert.equal((await api(`/api/posts/${post.id}/access`, { token: fan })).body.entitled, false)
    const entries = await db.query('SELECT 1 FROM journal_entries WHERE workflow_id = $1', [started.body.workflowId])
    assert.equal(entries.rowCount, 0)
    // the run ends just after recording the decline; the next test buys the same post again under the same business key
    const temporal = await stackTemporal()
    assert.equal((await temporal.client.workflow.getHandle(started.body.workflowId).result()).state, 'declined')
    await temporal.close()
  })

  it('the fan refunds a purchase within policy: access revoked, money back through the processor, the sale reversed', async () => {
    const post = posts[1]!
    const started = await api('/api/purchases', { method: 'POST', token: fan, body: { postId: post.id, paymentToken: 'tok_approve_2', jurisdiction: 'US' } })
    assert.equal(started.status, 202, JSON.stringify(started.body))
    assert.equal((await outcome(fan, started.body.id)).status, 'COMPLETED')
    assert.equal((await api(`/api/purchases/${started.body.id}/refund`, { method: 'POST', token: fan, body: {} })).body.error.code, 'VALIDATION_FAILED')
    const fan2 = await login('fan2@fanz.demo')
    assert.equal((await api(`/api/purchases/${started.body.id}/refund`, { method: 'POST', token: fan2, body: { reason: 'not mine' } })).status, 404)

    const refund = await api(`/api/purchases/${started.body.id}/refund`, { method: 'POST', token: fan, body: { reason: 'bought by mistake' } })
    assert.equal(refund.status, 202, JSON.stringify(refund.body))
    let status = ''
    for (let i = 0; i < 80 && status !== 'REFUNDED'; i++) {
      status = (await api(`/api/purchases/${started.body.id}`, { token: fan })).body.status
      if (status !== 'REFUNDED') await sleep(250)
    }
    assert.equal(status, 'REFUNDED')
    assert.equal((await api(`/api/posts/${post.id}/access`, { token: fan })).body.entitled, false)
    const entry = (await db.query(`SELECT e.reverses_id::text, s.id::text AS sale_id, (SELECT sum(amount)::int FROM postings WHERE entry_id = e.id) AS total
      FROM journal_entries e, journal_entries s WHERE e.idempotency_key = $1 AND s.idempotency_key = $2`,
    [`${refund.body.workflowId}:ledger`, `purchase:${started.body.id}:sale`])).rows[0]
    assert.equal(entry.reverses_id, entry.sale_id)
    assert.equal(entry.total, 0)
    const sandbox = await (await fetch(`${testStack().env.CCBILL_API_URL}/sandbox/transactions`)).json() as { transactions: { passThrough: Record<string, string>; state: string }[] }
    const tx = sandbox.transactions.filter((t) => Object.values(t.passThrough).includes(started.body.workflowId))
    // the fan's earlier attempt on this post was declined; the approved one is voided at the processor, once
    assert.deepEqual(tx.map((t) => t.state).sort(), ['declined', 'voided'])
    const again = await api(`/api/purchases/${started.body.id}/refund`, { method: 'POST', token: fan, body: { reason: 'again' } })
    assert.deepEqual([again.status, again.body.error.code], [409, 'NOT_REFUNDABLE'])
  })

  it('a chargeback notification runs handleChargeback: release stopped, access revoked, share clawed back, fee booked, evidence kept', async () => {
    assert.ok(completed, 'needs the completed purchase')
    const res = await fetch(`${testStack().env.CCBILL_API_URL}/sandbox/chargeback`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transactionId: completed.transactionId }) })
    assert.equal(res.status, 200)
    const chargebackWorkflowId = `chargeback:ccbill:${completed.transactionId}`
    let entry: { id: string; reverses_id: string; total: number }[] = []
    for (let i = 0; i < 80 && entry.length === 0; i++) {
      entry = (await db.query(`SELECT e.id::text, e.reverses_id::text, sum(p.amount)::int AS total FROM journal_entries e
        JOIN postings p ON p.entry_id = e.id WHERE e.idempotency_key = $1 GROUP BY e.id`, [`${chargebackWorkflowId}:ledger`])).rows
      if (entry.length === 0) await sleep(250)
    }
    assert.equal(entry.length, 1, 'the chargeback entry was posted')
    assert.equal(entry[0]!.total, 0)
    const postings = (await db.query(`SELECT a.kind, p.amount::int FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
      WHERE p.entry_id = $1`, [entry[0]!.id])).rows as { kind: string; amount: number }[]
    assert.ok(postings.some((p) => p.kind === 'creator_pending' && p.amount === 335), 'the pending creator share is clawed back')
    assert.ok(postings.some((p) => p.kind === 'chargeback_losses' && p.amount === 2500), 'the chargeback fee is a loss')
    for (let i = 0; i < 40 && (await db.query("SELECT 1 FROM audit_logs WHERE action = 'fan.flagged' AND workflow_id = $1", [chargebackWorkflowId])).rowCount === 0; i++) await sleep(250)

    const purchase = (await db.query('SELECT status FROM purchases WHERE workflow_id = $1', [completed.workflowId])).rows[0]
    assert.equal(purchase.status, 'CHARGED_BACK')
    assert.equal((await api(`/api/posts/${posts[0]!.id}/access`, { token: fan })).body.entitled, false)
    assert.equal((await db.query("SELECT 1 FROM processor_events WHERE workflow_id = $1 AND type = 'chargeback'", [completed.workflowId])).rowCount, 1)
    const flagged = await db.query("SELECT details FROM audit_logs WHERE action = 'fan.flagged' AND workflow_id = $1", [chargebackWorkflowId])
    assert.equal(flagged.rowCount, 1)
    const env = testStack().env
    const { createStorageClient } = await import('../activities/storage/client.ts')
    const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
    const chunks: Buffer[] = []
    for await (const c of await storage.getObject('fanz-exports', flagged.rows[0].details.evidenceKey)) chunks.push(c as Buffer)
    const evidence = JSON.parse(Buffer.concat(chunks).toString())
    assert.equal(evidence.purchase.workflowId, completed.workflowId)
    assert.ok(evidence.processorEvents.some((e: { type: string }) => e.type === 'sale'))

    const { Client, Connection } = await import('@temporalio/client')
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS })
    const history = await new Client({ connection }).workflow.getHandle(completed.workflowId).fetchHistory()
    await connection.close()
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'chargebackNotice')
    assert.equal(signals.length, 1, 'the purchase workflow was told, so it will not release the share')
  })

  const forged: { name: string; query: string; body: string; status: number; code: string }[] = [
    { name: 'a stale notification', query: 'eventType=NewSaleSuccess', status: 400, code: 'STALE_NOTIFICATION',
      body: 'subscriptionId=1&transactionId=1&clientAccnum=900100&clientSubacc=0000&timestamp=2020-01-01%2000%3A00%3A00&billedInitialPrice=4.99&billedCurrencyCode=840' },
    { name: 'an event type we do not consume', query: 'eventType=Bogus', body: 'subscriptionId=1', status: 400, code: 'MALFORMED_NOTIFICATION' },
    { name: 'a notification for another merchant account', query: 'eventType=NewSaleSuccess', status: 403, code: 'UNTRUSTED_SOURCE',
      body: 'subscriptionId=1&transactionId=1&clientAccnum=123456&clientSubacc=0000&timestamp=2026-01-01%2000%3A00%3A00' },
  ]
  for (const f of forged) {
    it(`rejects ${f.name} (${f.status} ${f.code}) and stores nothing`, async () => {
      const before = (await db.query('SELECT count(*)::int AS n FROM processor_events')).rows[0].n
      const res = await fetch(`${testStack().env.PUBLIC_URL}/webhooks/ccbill?${f.query}`, { method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: f.body })
      assert.equal(res.status, f.status)
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, f.code)
      assert.equal((await db.query('SELECT count(*)::int AS n FROM processor_events')).rows[0].n, before)
    })
  }

  const bad: { name: string; body: Record<string, unknown>; as?: 'creator'; status: number; code: string }[] = [
    { name: 'a creator buying their own post', body: { paymentToken: 'tok_approve', jurisdiction: 'DE' }, as: 'creator', status: 422, code: 'OWN_POST' },
    { name: 'an unknown jurisdiction', body: { paymentToken: 'tok_approve', jurisdiction: 'ZZ' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a missing payment token', body: { jurisdiction: 'DE' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an unknown processor (Stripe is not one)', body: { paymentToken: 'tok_approve', jurisdiction: 'DE', processor: 'stripe' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a post that does not exist', body: { postId: '00000000-0000-4000-8000-000000000000', paymentToken: 'tok_approve', jurisdiction: 'DE' }, status: 404, code: 'NOT_FOUND' },
  ]
  for (const c of bad) {
    it(`refuses ${c.name} with ${c.status} ${c.code}, starting nothing`, async () => {
      const before = (await db.query('SELECT count(*)::int AS n FROM purchases')).rows[0].n
      const res = await api('/api/purchases', { method: 'POST', token: c.as === 'creator' ? creator : fan, body: { postId: posts[0]!.id, ...c.body } })
      assert.equal(res.status, c.status, JSON.stringify(res.body))
      assert.equal(res.body.error.code, c.code)
      await sleep(300)
      assert.equal((await db.query('SELECT count(*)::int AS n FROM purchases')).rows[0].n, before)
    })
  }
})

describe('finance read models over the ledger', function () {
  it('lists ledger entries with their postings and run, accounts, and a balanced trial balance (finance only)', async () => {
    const finance = await login('finance@fanz.demo')
    const entries = await api('/api/ledger-entries?range=[0,4]', { token: finance })
    assert.equal(entries.status, 200)
    assert.match(entries.headers.get('content-range') ?? '', /^ledger-entries 0-\d+\/\d+$/)
    for (const e of entries.body) assert.equal(e.postings.reduce((s: number, p: { amount: number }) => s + p.amount, 0), 0)
    const one = await api(`/api/ledger-entries/${entries.body[0].id}`, { token: finance })
    assert.deepEqual(one.body.postings, entries.body[0].postings)
    const trial = await api('/api/reports/trial-balance', { token: finance })
    assert.equal(trial.body.balanced, true)
    assert.ok(trial.body.rows.length > 0)
    const accounts = await api('/api/ledger-accounts?filter={"kind":"creator_pending"}', { token: finance })
    assert.ok(accounts.body.every((a: { kind: string }) => a.kind === 'creator_pending'))
    const fan = await login('fan@fanz.demo')
    assert.equal((await api('/api/ledger-entries', { token: fan })).status, 403)
    assert.equal((await api('/api/ledger-entries/abc', { token: finance })).body.error.code, 'VALIDATION_FAILED')
  })

  it('P&L, balance sheet and a creator statement, as JSON and CSV (finance only)', async () => {
    const finance = await login('finance@fanz.demo')
    const pnl = await api('/api/reports/pnl?currency=USD', { token: finance })
    assert.equal(pnl.status, 200)
    // everything in this fresh test database happened in the last 30 days: P&L revenue is what the revenue accounts hold
    const revenueAccounts = await api('/api/ledger-accounts?filter={"kind":"platform_revenue"}&range=[0,99]', { token: finance })
    const held = revenueAccounts.body.filter((a: { currency: string }) => a.currency === 'USD').reduce((s: number, a: { balance: number }) => s - a.balance, 0)
    assert.equal(pnl.body.totalRevenue, held)
    assert.ok(pnl.body.revenue.length > 0)
    assert.equal(pnl.body.netIncome, pnl.body.totalRevenue - pnl.body.totalExpenses)
    const bs = await api('/api/reports/balance-sheet?currency=USD', { token: finance })
    assert.equal(bs.body.balanced, true)
    assert.equal(bs.body.totalAssets, bs.body.totalLiabilitiesAndEquity)

    const people = await api('/api/people?filter={"q":"creator@fanz.demo"}', { token: await login('admin@fanz.demo') })
    const creatorId = people.body[0].id as string
    const st = await api(`/api/reports/creator-statement?creatorId=${creatorId}&currency=USD`, { token: finance })
    assert.equal(st.status, 200)
    assert.ok(st.body.lines.length > 0)
    assert.equal(st.body.closingBalance, st.body.openingBalance + st.body.lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0))
    const csv = await fetch(`${testStack().env.PUBLIC_URL}/api/reports/creator-statement?creatorId=${creatorId}&format=csv`,
      { headers: { authorization: `Bearer ${finance}` } })
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/)
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="?statement-/)
    assert.equal((await csv.text()).split('\n')[0], 'at,account,entryKind,memo,workflowId,amount,balance')

    assert.equal((await api('/api/reports/pnl?currency=XXX', { token: finance })).body.error.code, 'VALIDATION_FAILED')
    assert.equal((await api('/api/reports/creator-statement?creatorId=nope', { token: finance })).body.error.code, 'VALIDATION_FAILED')
    assert.equal((await api('/api/reports/pnl', { token: await login('fan@fanz.demo') })).status, 403)
  })

  it('lists the published posts of a brand publicly, prices only', async () => {
    const res = await api('/api/posts?brand=boyfanz')
    assert.equal(res.status, 200)
    assert.deepEqual(res.body.map((p: { priceMinor: number; currency: string }) => `${p.priceMinor} ${p.currency}`), ['499 USD', '799 EUR', '999 USD'])
    assert.equal(res.body[0].creator.handle, 'rex')
    assert.deepEqual((await api('/api/posts?brand=cougarfanz')).body, [], 'a brand with nothing for sale lists nothing')
  })
})

describe('tips through the API (sendTip)', function () {
  this.timeout(60_000)
  let fan: string
  let creatorToken: string
  let creatorId: string
  let db: pg.Client
  before(async () => {
    ;[fan, creatorToken] = await Promise.all([login('fan@fanz.demo'), login('creator@fanz.demo')])
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    creatorId = (await db.query("SELECT id FROM people WHERE email = 'creator@fanz.demo'")).rows[0].id
  })
  after(() => db.end())
  const tip = (body: Record<string, unknown>, token = fan) => api('/api/tips', { method: 'POST', token,
    body: { creatorId, brand: 'boyfanz', amount: 500, currency: 'USD', message: 'Loved the gym set!', paymentToken: 'tok_approve_tip', jurisdiction: 'US', ...body } })

  it('charges, books a tip entry with the message, unlocks nothing', async () => {
    const started = await tip({})
    assert.equal(started.status, 202, JSON.stringify(started.body))
    const purchase = await outcome(fan, started.body.id)
    assert.deepEqual([purchase.status, purchase.kind, purchase.postId, purchase.amount], ['COMPLETED', 'tip', null, 500])
    const entry = (await db.query("SELECT kind, metadata->>'message' AS message FROM journal_entries WHERE idempotency_key = $1", [`purchase:${started.body.id}:sale`])).rows[0]
    assert.deepEqual(entry, { kind: 'tip', message: 'Loved the gym set!' })
  })

  const bad: [string, Record<string, unknown>, number, string, boolean?][] = [
    ['a zero amount', { amount: 0 }, 400, 'VALIDATION_FAILED'],
    ['a negative amount', { amount: -500 }, 400, 'VALIDATION_FAILED'],
    ['a fractional amount', { amount: 4.99 }, 400, 'VALIDATION_FAILED'],
    ['an unknown currency', { currency: 'XXX' }, 400, 'VALIDATION_FAILED'],
    ['an amount over the limit', { amount: 100_001 }, 422, 'AMOUNT_OUT_OF_RANGE'],
    ['an amount under the minimum', { amount: 50 }, 422, 'AMOUNT_OUT_OF_RANGE'],
    ['a creator not on that brand', { brand: 'girlfanz' }, 404, 'NOT_FOUND'],
    ['an unknown brand', { brand: 'onlyfans' }, 400, 'VALIDATION_FAILED'],
    ['a tip to oneself', {}, 422, 'OWN_TIP', true],
  ]
  for (const [name, body, status, code, asCreator] of bad) {
    it(`refuses ${name} with ${status} ${code}, charging nothing`, async () => {
      const before = (await db.query("SELECT count(*)::int AS n FROM purchases WHERE kind = 'tip'")).rows[0].n
      const res = await tip(body, asCreator ? creatorToken : fan)
      assert.deepEqual([res.status, res.body.error?.code], [status, code], JSON.stringify(res.body))
      await sleep(300)
      assert.equal((await db.query("SELECT count(*)::int AS n FROM purchases WHERE kind = 'tip'")).rows[0].n, before)
    })
  }
})
