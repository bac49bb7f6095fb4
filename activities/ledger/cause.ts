/** Which Temporal execution caused a ledger write: recorded on every entry. */
import { Context } from '@temporalio/activity'
import type { Cause } from './store.ts'

/** The running activity's execution, or null when called outside Temporal (scripts, benchmarks). */
export function currentCause(): Cause {
  try {
    const { workflowExecution, activityType } = Context.current().info
    return workflowExecution ? { workflowId: workflowExecution.workflowId, runId: workflowExecution.runId, activityType } : null
  } catch {
    return null
  }
}
