import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
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

describe('replay of recorded workflow histories (test/replay/histories)', function () {
  this.timeout(60_000)
  let recorded: { events: { eventType: string; activityTaskScheduledEventAttributes?: { activityType: { name: string } } }[] }
  before(async () => {
    recorded = JSON.parse(await readFile(new URL('./histories/check-platform.json', import.meta.url), 'utf8'))
  })

  const histories = readdirSync(new URL('./histories/', import.meta.url)).filter((f) => f.endsWith('.json'))
  for (const file of histories) {
    it(`replays ${file} without a determinism violation`, async () => {
      const history = JSON.parse(await readFile(new URL(`./histories/${file}`, import.meta.url), 'utf8'))
      const [result] = await replay(history, `recorded-${file}`)
      assert.equal(result?.error, undefined, String(result?.error))
    })
  }

  it('detects a changed command sequence (the replay test can fail)', async () => {
    const changed = structuredClone(recorded)
    const scheduled = changed.events.find((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED')
    assert.ok(scheduled?.activityTaskScheduledEventAttributes)
    scheduled.activityTaskScheduledEventAttributes.activityType.name = 'somethingElse'
    const [result] = await replay(changed, 'mutated-check-platform')
    assert.ok(result?.error instanceof DeterminismViolationError || result?.error instanceof ReplayError, String(result?.error))
  })
})
