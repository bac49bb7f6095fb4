import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { ReplayError, Worker, type ReplayResult } from '@temporalio/worker'
import { DeterminismViolationError } from '@temporalio/workflow'
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js'

const workflowsPath = createRequire(import.meta.url).resolve('../../workflows/index.ts')

async function replay(history: unknown, workflowId: string): Promise<ReplayResult[]> {
  const results: ReplayResult[] = []
  for await (const r of Worker.runReplayHistories({ workflowsPath }, [{ workflowId, history: historyFromJSON(history) }])) results.push(r)
  return results
}

describe('replay of recorded checkPlatform histories', function () {
  this.timeout(60_000)
  let recorded: { events: { eventType: string; activityTaskScheduledEventAttributes?: { activityType: { name: string } } }[] }
  before(async () => {
    recorded = JSON.parse(await readFile(new URL('./histories/check-platform.json', import.meta.url), 'utf8'))
  })

  it('replays the recorded history without a determinism violation', async () => {
    const [result] = await replay(recorded, 'recorded-check-platform')
    assert.equal(result?.error, undefined, String(result?.error))
  })

  it('detects a changed command sequence (the replay test can fail)', async () => {
    const changed = structuredClone(recorded)
    const scheduled = changed.events.find((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED')
    assert.ok(scheduled?.activityTaskScheduledEventAttributes)
    scheduled.activityTaskScheduledEventAttributes.activityType.name = 'somethingElse'
    const [result] = await replay(changed, 'mutated-check-platform')
    assert.ok(result?.error instanceof DeterminismViolationError || result?.error instanceof ReplayError, String(result?.error))
  })
})
