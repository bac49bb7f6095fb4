/** What the payout workflow's update refusals mean over HTTP. */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client'
import { ApplicationFailure } from '@temporalio/common'
import { PAYOUT_REFUSALS } from '../../workflows/payouts.contract.ts'
import { DomainError, type ErrorKind } from '../errors.ts'

const KINDS: Record<string, ErrorKind> = { [PAYOUT_REFUSALS.notAwaitingApproval]: 'notAwaitingApproval', [PAYOUT_REFUSALS.ownPayout]: 'ownPayout',
  [PAYOUT_REFUSALS.notUnconfirmed]: 'notUnconfirmed' }

/** A refused decision becomes its 409; a payout whose workflow has finished is not waiting for one either. */
export function payoutRefusal(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type && KINDS[err.cause.type]) {
    return new DomainError(KINDS[err.cause.type]!, err.cause.message)
  }
  if (err instanceof WorkflowNotFoundError || (err as { message?: string }).message?.includes('workflow execution already completed')) {
    return new DomainError('notAwaitingApproval', 'This payout is no longer waiting for a decision.')
  }
  return err
}
