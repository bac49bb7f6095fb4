/** Small assertions shared by the time-skipping workflow tests. */
import assert from 'node:assert/strict'
import { WorkflowUpdateFailedError } from '@temporalio/client'
import { ApplicationFailure } from '@temporalio/common'

/** The refusal code (ApplicationFailure type) of an update the workflow turned down. */
export async function refusal(update: Promise<unknown>): Promise<string> {
  const err = await update.then(() => assert.fail('the update was accepted'), (e: unknown) => e)
  assert.ok(err instanceof WorkflowUpdateFailedError, `expected WorkflowUpdateFailedError, got ${String(err)}`)
  assert.ok(err.cause instanceof ApplicationFailure, `expected an ApplicationFailure cause, got ${String(err.cause)}`)
  return err.cause.type ?? ''
}

/** `actual` lies within `slack` of `expected` (activities are scheduled a few milliseconds after the workflow decided). */
export function near(actual: number, expected: number, what: string, slack = 2000): void {
  assert.ok(Math.abs(actual - expected) < slack, `${what}: off by ${actual - expected} ms`)
}
