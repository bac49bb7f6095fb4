/** What the ingest workflow's update refusals mean over HTTP. */
import { WorkflowUpdateFailedError } from '@temporalio/client'
import { ApplicationFailure } from '@temporalio/common'
import { REVIEW_REFUSALS } from '../../workflows/ingest-media.contract.ts'
import { DomainError, type ErrorKind } from '../errors.ts'

const KINDS: Record<string, ErrorKind> = {
  [REVIEW_REFUSALS.notInReview]: 'notInReview', [REVIEW_REFUSALS.notAppealable]: 'notAppealable',
  [REVIEW_REFUSALS.appealWindowClosed]: 'appealWindowClosed', [REVIEW_REFUSALS.notAppealed]: 'notAppealed',
  [REVIEW_REFUSALS.ownDecision]: 'ownDecisionAppealed', [REVIEW_REFUSALS.ownUpload]: 'ownUpload', [REVIEW_REFUSALS.ownEscalation]: 'ownEscalation',
}

/** A refused update becomes its 409; a finished workflow cannot take decisions either (also 409). */
export function reviewRefusal(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type && KINDS[err.cause.type]) {
    return new DomainError(KINDS[err.cause.type]!, err.cause.message)
  }
  const name = (err as { name?: string }).name
  if (name === 'WorkflowNotFoundError' || (err as { message?: string }).message?.includes('workflow execution already completed')) {
    return new DomainError('notInReview', 'This item is no longer waiting for a decision.')
  }
  return err
}
