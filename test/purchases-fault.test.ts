import assert from 'node:assert/strict'
import pg from 'pg'
import { api, login, testStack } from './support/stack.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const PURCHASES = 8
const CRASHES = 4

describe('fault injection: the worker process is killed (SIGKILL) again and again in the middle of purchases', function () {
  this.timeout(240_000)
  let db: pg.Client
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
  })
  after(() => db.end())

  it(`${PURCHASES} purchases all complete with exactly one charge, one sale entry and one entitlement each`, async () => {
    const buyer = await login('moderator@fanz.demo')
    const posts = (await db.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency)
      SELECT gen_random_uuid(), b.id, c.id, 'fault test ' || g, 1000 + g, 'USD'
      FROM generate_series(1, ${PURCHASES}) g, brands b, people c WHERE b.slug = 'daddyfanz' AND c.email = 'creator@fanz.demo'
      RETURNING id`)).rows as { id: string }[]

    const { supervisor } = testStack()
    const crashes = (async () => {
      for (let i = 0; i < CRASHES; i++) {
        await sleep(700 + i * 900)
        supervisor.crash('workers')
      }
    })()
    const started = await Promise.all(posts.map(async (p) => {
      const res = await api('/api/purchases', { method: 'POST', token: buyer, body: { postId: p.id, paymentToken: 'tok_approve_fault', jurisdiction: 'GB' } })
      assert.equal(res.status, 202, JSON.stringify(res.body))
      return res.body as { id: string; workflowId: string }
    }))
    await crashes

    const deadline = Date.now() + 180_000
    let done: { workflow_id: string; status: string }[] = []
    while (Date.now() < deadline) {
      done = (await db.query('SELECT workflow_id, status FROM purchases WHERE id = ANY($1)', [started.map((s) => s.id)])).rows
      if (done.length === PURCHASES && done.every((d) => d.status !== 'PENDING')) break
      await sleep(500)
    }
    assert.deepEqual(done.map((d) => d.status), Array(PURCHASES).fill('COMPLETED'), JSON.stringify(done))

    const sandbox = await (await fetch(`${testStack().env.CCBILL_API_URL}/sandbox/transactions`)).json() as { transactions: { passThrough: Record<string, string>; approved: boolean }[] }
    for (const { workflowId, id } of started) {
      const charges = sandbox.transactions.filter((t) => Object.values(t.passThrough).includes(workflowId))
      assert.equal(charges.length, 1, `${workflowId} was charged ${charges.length} times`)
      const sales = await db.query('SELECT 1 FROM journal_entries WHERE idempotency_key = $1', [`purchase:${id}:sale`])
      assert.equal(sales.rowCount, 1)
    }
    const grants = await db.query('SELECT count(*)::int AS n FROM entitlements WHERE post_id = ANY($1) AND revoked_at IS NULL', [posts.map((p) => p.id)])
    assert.equal(grants.rows[0].n, PURCHASES)
    const unbalanced = await db.query('SELECT currency FROM ledger_accounts GROUP BY currency HAVING sum(balance) <> 0')
    assert.equal(unbalanced.rowCount, 0)
    const drift = await db.query(`SELECT a.key FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) t FROM postings GROUP BY 1) p
      ON p.account_id = a.id WHERE a.balance <> coalesce(p.t, 0)`)
    assert.equal(drift.rowCount, 0)
  })
})
