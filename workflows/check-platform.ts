import { ActivityFailure, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow'
import type * as activities from '../activities/platform/index.ts'
import {
  CHECK_NAMES, progressQuery, type CheckName, type CheckPlatformInput, type CheckPlatformOutput, type CheckResult, type ProbeOutcome,
} from './check-platform.contract.ts'
import { TASK_QUEUES, type TaskQueue } from './task-queues.ts'

type Activities = ReturnType<typeof activities.createPlatformActivities>

/** A probe must answer quickly or count as down; one retry absorbs a blip. */
const probesOn = (taskQueue: TaskQueue) => proxyActivities<Activities>({
  taskQueue, scheduleToCloseTimeout: '20s', startToCloseTimeout: '15s',
  retry: { maximumAttempts: 2, initialInterval: '200ms' },
})

/** Proves the platform's wiring: a real round trip through every dependency and every worker pool. */
export async function checkPlatform(input: CheckPlatformInput): Promise<CheckPlatformOutput> {
  const { workflowId, runId } = workflowInfo()
  const core = probesOn(TASK_QUEUES.core)
  const results: CheckResult[] = []
  setHandler(progressQuery, () => results)

  const probe = async (name: CheckName, run: () => Promise<ProbeOutcome>) => {
    try {
      const { latencyMs, detail } = await run()
      results.push({ name, ok: true, latencyMs, detail, error: null })
    } catch (err) {
      const cause = err instanceof ActivityFailure ? err.cause ?? err : err
      results.push({ name, ok: false, latencyMs: null, detail: null, error: cause instanceof Error ? cause.message : String(cause) })
    }
  }

  await core.recordPlatformCheckStarted({ checkId: input.checkId, workflowId, runId, requestedById: input.requestedById })
  const key = workflowId // every probe's writes are keyed by the run's business id, so retries overwrite
  await Promise.all([
    probe('postgres', () => core.probePostgres({ key })),
    probe('object-storage', () => core.probeObjectStorage({ key })),
    probe('search', () => core.probeSearch({ key })),
    probe('ffprobe', () => probesOn(TASK_QUEUES.media).probeFfmpeg({ key })),
    probe('worker-core', () => core.pingWorker()),
    probe('worker-media', () => probesOn(TASK_QUEUES.media).pingWorker()),
    probe('worker-finance', () => probesOn(TASK_QUEUES.finance).pingWorker()),
  ])
  const checks = [...results].sort((a, b) => CHECK_NAMES.indexOf(a.name) - CHECK_NAMES.indexOf(b.name))
  const ok = checks.every((c) => c.ok)
  await core.recordPlatformCheckFinished({ workflowId, ok, checks })
  return { ok, checks }
}
