import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { randomUUID } from 'node:crypto'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { WorkflowUpdateFailedError } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import { mediaFakes, type MediaFakeOptions } from '../test/support/media-fakes.ts'
import { reinstateTakedownUpdate, takedownMedia, takedownWorkflowId } from './takedown-media.ts'
import { collectiblesTaskQueue, hideCollectiblesWorkflowId } from './collectibles.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const DAY = 86_400_000

describe('takedownMedia workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  let env: TestWorkflowEnvironment
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  async function run(opts: MediaFakeOptions, drive: (h: Awaited<ReturnType<typeof env.client.workflow.start<typeof takedownMedia>>>) => Promise<void>) {
    const f = mediaFakes(opts)
    const taskQueue = `takedown-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    // the takedown starts hideCollectibles on the collectibles queue: a worker there records what it was asked to hide
    const hidden: { mediaId: string }[] = []
    const chain = await Worker.create({ connection: env.nativeConnection, taskQueue: collectiblesTaskQueue, workflowsPath,
      activities: { takeDownCollectibles: async (i: { mediaId: string }) => { hidden.push(i); return { keys: [] } } } })
    const out = await worker.runUntil(() => chain.runUntil(async () => {
      const h = await env.client.workflow.start(takedownMedia, { workflowId: takedownWorkflowId('media-1'), taskQueue,
        args: [{ mediaId: 'media-1', actorId: 'compliance-1', reasonCode: 'COPYRIGHT', note: 'DMCA 42', appealWindowDays: 14 }] })
      await drive(h)
      const result = await h.result()
      await env.client.workflow.getHandle(hideCollectiblesWorkflowId('media-1', (await h.describe()).runId)).result()
      return result
    }))
    assert.deepEqual(hidden.map((i) => i.mediaId), ['media-1'], 'the media\'s collectibles were hidden once')
    return { out, f }
  }

  it('takes the item off at once, then reinstates it within the window: no refunds', async () => {
    const { out, f } = await run({}, async (h) => {
      await env.sleep(3 * DAY)
      await h.executeUpdate(reinstateTakedownUpdate, { args: [{ actorId: 'compliance-2', note: 'claim withdrawn' }] })
    })
    assert.deepEqual(out, { outcome: 'reinstated', refunded: 0, refundFailures: 0 })
    assert.deepEqual(f.names(), ['unpublishMedia', 'deindexMedia', 'salesOfMedia', 'notifyCreator', 'reinstateMedia', 'indexPublishedMedia', 'notifyCreator'])
    assert.deepEqual(f.named('unpublishMedia')[0]!.args, { mediaId: 'media-1', status: 'TAKEN_DOWN', actorId: 'compliance-1', reasonCode: 'COPYRIGHT', note: 'DMCA 42' })
    assert.deepEqual(f.notices(), ['mediaTakenDown', 'mediaReinstated'])
  })

  it('becomes final when the window closes: recorded on the trail, and a late reinstatement is refused (the API then starts reinstateMedia)', async () => {
    let late: unknown
    const { out, f } = await run({}, async (h) => {
      await env.sleep(15 * DAY)
      late = await h.executeUpdate(reinstateTakedownUpdate, { args: [{ actorId: 'compliance-2' }] }).catch((e: unknown) => e)
    })
    assert.deepEqual(out, { outcome: 'final', refunded: 0, refundFailures: 0 })
    assert.ok(f.names().includes('recordTakedownFinal'))
    assert.ok(!f.names().includes('reinstateMedia'))
    assert.ok(late instanceof Error, 'a reinstatement after the window is refused (or finds the run ended)')
    if (late instanceof WorkflowUpdateFailedError) assert.match(String(late.cause), /final/)
  })
})
