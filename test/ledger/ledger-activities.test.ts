import assert from 'node:assert/strict'
import { MockActivityEnvironment } from '@temporalio/testing'
import { DefaultLogger } from '@temporalio/worker'
import { ApplicationFailure } from '@temporalio/common'
import type pg from 'pg'
import { createLedgerActivities } from '../../activities/ledger/index.ts'
import { createLedgerReads } from '../../activities/ledger/reads.ts'
import { newPool, scope } from './support.ts'

// Expected failures would otherwise be logged in full by the mock environment.
const quiet = { logger: new DefaultLogger('ERROR') }

describe('ledger activities', function () {
  let pool: pg.Pool
  before(() => { pool = newPool(4) })
  after(() => pool.end())

  it('records the workflow id, run id and activity that caused an entry, under the given idempotency key', async () => {
    const s = scope()
    const env = new MockActivityEnvironment({ activityType: 'postJournalEntry',
      workflowExecution: { workflowId: `ppv:fan-1:post-1`, runId: 'run-abc' } }, quiet)
    const { postJournalEntry } = createLedgerActivities({ pool })
    const key = `ppv:fan-1:post-1:${s.brand}:ledger`
    type Posted = { entryId: string; created: boolean }
    const first: Posted = await env.run(postJournalEntry, { idempotencyKey: key, kind: 'ppv', memo: 'PPV', brand: s.brand,
      postings: s.transfer(s.ref('processorClearing', 'ccbill'), s.ref('creatorPending', 'c1'), 999) })
    const retry: Posted = await env.run(postJournalEntry, { idempotencyKey: key, kind: 'ppv', memo: 'PPV', brand: s.brand,
      postings: s.transfer(s.ref('processorClearing', 'ccbill'), s.ref('creatorPending', 'c1'), 999) })
    assert.equal(retry.entryId, first.entryId)
    assert.equal(retry.created, false)
    const entry = await createLedgerReads(pool).entry(key)
    assert.deepEqual([entry?.workflow_id, entry?.run_id, entry?.activity_type], ['ppv:fan-1:post-1', 'run-abc', 'postJournalEntry'])
  })

  it('an overdraft fails the activity permanently with the INSUFFICIENT_FUNDS type (no retries)', async () => {
    const s = scope()
    const { postJournalEntry } = createLedgerActivities({ pool })
    await assert.rejects(new MockActivityEnvironment({}, quiet).run(postJournalEntry, { idempotencyKey: s.key('x'), kind: 'ppv', memo: 'x', brand: s.brand,
      postings: s.transfer(s.ref('fanWallet', 'broke-fan'), s.ref('creatorPending', 'c1'), 100) }),
    (err: unknown) => err instanceof ApplicationFailure && err.nonRetryable && err.type === 'INSUFFICIENT_FUNDS')
  })

  it('an unknown pending transfer fails permanently with UNKNOWN_TRANSFER', async () => {
    const { postPendingTransfer } = createLedgerActivities({ pool })
    await assert.rejects(new MockActivityEnvironment({}, quiet).run(postPendingTransfer, { transferKey: 'does-not-exist', entryKey: 'x' }),
      (err: unknown) => err instanceof ApplicationFailure && err.nonRetryable && err.type === 'UNKNOWN_TRANSFER')
  })
})
