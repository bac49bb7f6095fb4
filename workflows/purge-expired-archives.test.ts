import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { ApplicationFailure } from '@temporalio/common'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { TOOLS } from '../ops/stack/paths.ts'
import type { ArchiveExpiryActivities, ExpiredArchivesBatch } from '../activities/privacy/archive-expiry.ts'
import { purgeExpiredArchives } from './purge-expired-archives.ts'
import { ARCHIVE_EXPIRY_BATCH, ARCHIVE_EXPIRY_MAX_BATCHES } from './purge-expired-archives.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')

/** A bucket of `backlog` expired archives, deleted as the real activity does: `more` when a full batch was found. */
function archiveFakes(backlog: number, o: { failCall?: number; stuck?: number } = {}) {
  const calls: Parameters<ArchiveExpiryActivities['dsrRemoveExpiredArchives']>[0][] = []
  let left = backlog
  let position = 0
  const activities: ArchiveExpiryActivities = {
    async dsrRemoveExpiredArchives(input): Promise<ExpiredArchivesBatch> {
      calls.push(input)
      if (calls.length === o.failCall) throw ApplicationFailure.retryable('MinIO unreachable', 'S3Error')
      // the first `stuck` archives cannot be deleted: a batch passes over them, and the cursor keeps them behind
      const from = input.after ? Number(input.after.id) : 0
      const found = Math.min(backlog - from, input.limit)
      const failed = Math.max(0, Math.min(o.stuck ?? 0, from + found) - from)
      left -= found - failed
      position = from + found
      return { removed: found - failed, failed, more: found === input.limit, last: found ? { at: '2026-11-01T00:00:00.000Z', id: String(position) } : null }
    },
  }
  return { calls, activities, left: () => left }
}

describe('purgeExpiredArchives workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  let env: TestWorkflowEnvironment
  before(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  after(() => env?.teardown())

  async function run(f: ReturnType<typeof archiveFakes>) {
    const taskQueue = `archives-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    return worker.runUntil(env.client.workflow.execute(purgeExpiredArchives, { workflowId: `privacy-archive-expiry-${randomUUID()}`, taskQueue }))
  }

  it('drains a backlog batch by batch and stops at the first short batch', async () => {
    const f = archiveFakes(2 * ARCHIVE_EXPIRY_BATCH + 37)
    assert.deepEqual(await run(f), { removed: 2 * ARCHIVE_EXPIRY_BATCH + 37, failed: 0 })
    assert.deepEqual(f.calls.map((c) => [c.limit, c.after?.id ?? null]), [[ARCHIVE_EXPIRY_BATCH, null], [ARCHIVE_EXPIRY_BATCH, '100'], [ARCHIVE_EXPIRY_BATCH, '200']])
    assert.equal(f.left(), 0)
  })

  it('asks once more after a full last batch, and stops when that one is empty', async () => {
    const f = archiveFakes(2 * ARCHIVE_EXPIRY_BATCH)
    assert.deepEqual(await run(f), { removed: 2 * ARCHIVE_EXPIRY_BATCH, failed: 0 })
    assert.equal(f.calls.length, 3)
  })

  it('asks once and removes nothing when no archive has expired', async () => {
    const f = archiveFakes(0)
    assert.deepEqual(await run(f), { removed: 0, failed: 0 })
    assert.equal(f.calls.length, 1)
  })

  it('stops after its bounded number of batches and leaves the rest to the next day', async () => {
    const f = archiveFakes((ARCHIVE_EXPIRY_MAX_BATCHES + 5) * ARCHIVE_EXPIRY_BATCH)
    assert.deepEqual(await run(f), { removed: ARCHIVE_EXPIRY_MAX_BATCHES * ARCHIVE_EXPIRY_BATCH, failed: 0 })
    assert.equal(f.calls.length, ARCHIVE_EXPIRY_MAX_BATCHES)
    assert.equal(f.left(), 5 * ARCHIVE_EXPIRY_BATCH)
  })

  it('retries a batch that failed, from where the last good one stopped', async () => {
    const f = archiveFakes(ARCHIVE_EXPIRY_BATCH + 10, { failCall: 2 })
    assert.deepEqual(await run(f), { removed: ARCHIVE_EXPIRY_BATCH + 10, failed: 0 })
    assert.deepEqual(f.calls.map((c) => c.after?.id ?? null), [null, '100', '100'])
  })

  it('archives storage will not delete are passed over: the rest behind them go the same run', async () => {
    const f = archiveFakes(2 * ARCHIVE_EXPIRY_BATCH + 5, { stuck: ARCHIVE_EXPIRY_BATCH })
    assert.deepEqual(await run(f), { removed: ARCHIVE_EXPIRY_BATCH + 5, failed: ARCHIVE_EXPIRY_BATCH })
    assert.equal(f.calls.length, 3)
    assert.equal(f.left(), ARCHIVE_EXPIRY_BATCH)
  })
})
