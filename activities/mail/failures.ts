/** How SMTP failures map onto Temporal retries: a refused recipient is final, an unreachable server is not. */
import { ApplicationFailure } from '@temporalio/activity'
import type { NodemailerError } from 'nodemailer'

export const MAIL_FAILURES = {
  /** the server refused the recipient or the message for good (5xx); resending gets the same answer */
  rejected: 'MAIL_REJECTED',
  /** the template data or address does not validate; a retry would render the same thing */
  invalidInput: 'MAIL_INVALID_INPUT',
  /** credentials refused: an ops fix makes a later attempt succeed, so it stays retryable */
  authFailed: 'MAIL_AUTH_FAILED',
  /** no connection, a timeout or a 4xx: try again later */
  unavailable: 'MAIL_UNAVAILABLE',
} as const
export type MailFailure = (typeof MAIL_FAILURES)[keyof typeof MAIL_FAILURES]

/** Turns a nodemailer error into a retryable or non-retryable ApplicationFailure. */
export function toMailFailure(err: unknown): ApplicationFailure {
  const e = (err ?? {}) as NodemailerError
  const message = e.message || String(err)
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return ApplicationFailure.retryable(message, MAIL_FAILURES.authFailed)
  // `permanent` is nodemailer's reading of the reply class: 5xx except 503 (wrong command order, not a refusal)
  if (e.permanent === true) return ApplicationFailure.nonRetryable(message, MAIL_FAILURES.rejected)
  // an envelope the client itself refuses to send (no reply code): malformed address, no recipients
  if (e.code === 'EENVELOPE' && e.responseCode === undefined) return ApplicationFailure.nonRetryable(message, MAIL_FAILURES.invalidInput)
  return ApplicationFailure.retryable(message, MAIL_FAILURES.unavailable)
}
