/** Contract of checkPlatform: the ops self-check that proves every dependency end to end. */
import { defineQuery } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'

export const CHECK_NAMES = ['postgres', 'object-storage', 'search', 'ffprobe', 'worker-core', 'worker-media', 'worker-finance'] as const
export type CheckName = (typeof CHECK_NAMES)[number]

export type CheckResult = {
  name: CheckName
  ok: boolean
  /** measured inside the activity around the real call; null when the activity never ran */
  latencyMs: number | null
  detail: string | null
  error: string | null
}

export type CheckPlatformInput = { checkId: string; requestedById: string | null }
export type CheckPlatformOutput = { ok: boolean; checks: CheckResult[] }

/** What an activity of the check reports when it succeeds. */
export type ProbeOutcome = { latencyMs: number; detail: string }

export const checkPlatformWorkflowId = (checkId: string) => `platform-check:${checkId}`
export const checkPlatformTaskQueue = TASK_QUEUES.core

/** Results gathered so far, for a live view while the check runs. */
export const progressQuery = defineQuery<CheckResult[]>('progress')
