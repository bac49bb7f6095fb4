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
function archiveFakes(backlog: number, o: { failCall?: number } = {}) {
  const calls: { limit: number }[] = []
  let left = backlog
  const activities: ArchiveExpiryActivities = {
    async dsrRemoveExpiredArchives(input): Promise<ExpiredArchivesBatch> {
      calls.push(input)
      if (calls.length === o.failCall) throw ApplicationFailure.retryable('MinIO unreachable', 'S3Error')
      const removed = Math.min(left, input.limit)
      left -= removed
      return { removed, more: removed === input.limit }
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
    assert.deepEqual(await run(f), { removed: 2 * ARCHIVE_EXPIRY_BATCH + 37 })
    assert.deepEqual(f.calls, [1, 2, 3].map(() => ({ limit: ARCHIVE_EXPIRY_BATCH })))
    assert.equal(f.left(), 0)
  })

  it('asks once more after a full last batch, and stops when that one is empty', async () => {
    const f = archiveFakes(2 * ARCHIVE_EXPIRY_BATCH)
    assert.deepEqual(await run(f), { removed: 2 * ARCHIVE_EXPIRY_BATCH })
    assert.equal(f.calls.length, 3)
  })

  it('asks once and removes nothing when no archive has expired', async () => {
    const f = archiveFakes(0)
    assert.deepEqual(await run(f), { removed: 0 })
    assert.equal(f.calls.length, 1)
  })

  it('stops after its bounded number of batches and leaves the rest to the next day', async () => {
    const f = archiveFakes((ARCHIVE_EXPIRY_MAX_BATCHES + 5) * ARCHIVE_EXPIRY_BATCH)
    assert.deepEqual(await run(f), { removed: ARCHIVE_EXPIRY_MAX_BATCHES * ARCHIVE_EXPIRY_BATCH })
    assert.equal(f.calls.length, ARCHIVE_EXPIRY_MAX_BATCHES)
    assert.equal(f.left(), 5 * ARCHIVE_EXPIRY_BATCH)
  })

  it('retries a batch that failed and counts every archive once', async () => {
    const f = archiveFakes(ARCHIVE_EXPIRY_BATCH + 10, { failCall: 2 })
    assert.deepEqual(await run(f), { removed: ARCHIVE_EXPIRY_BATCH + 10 })
    assert.equal(f.calls.length, 3)
  })
})
