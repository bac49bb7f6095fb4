/** One dependency probed by the platformCheck workflow. */
export type CheckResult = { name: string; ok: boolean; latencyMs: number; detail: string | null; error: string | null }

export const CHECK_STATUS = { running: 'RUNNING', completed: 'COMPLETED', failed: 'FAILED' } as const
export type CheckStatus = (typeof CHECK_STATUS)[keyof typeof CHECK_STATUS]

/** Read model of one platform check run (GET /api/platform-checks/:id). */
export type PlatformCheck = {
  id: string
  workflowId: string
  runId: string
  status: CheckStatus
  ok: boolean | null
  requestedBy: string | null
  startedAt: string
  finishedAt: string | null
  checks: CheckResult[]
}

/** 202 answer of POST /api/platform-checks. */
export type StartedCheck = { id: string; workflowId: string; runId: string }
