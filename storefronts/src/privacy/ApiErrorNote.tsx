import { ApiError } from '../api'
import { messageOf } from '../signup/signup-api'

/** A refused or failed call: the API's message, and its code (INVALID_CODE, DSR_ALREADY_OPEN…) so support can tell them apart. */
export function ApiErrorNote({ error, testId }: { error: unknown; testId: string }) {
  const code = error instanceof ApiError ? error.code : ''
  return (
    <p className="form-error" role="alert" data-testid={testId} data-code={code || undefined}>
      {messageOf(error)}
      {code && <> <code className="privacy-error-code">{code}</code></>}
    </p>
  )
}

/** A 401 means the session has ended: the page goes back to its sign-in prompt. */
export const isSessionEnded = (error: unknown) => error instanceof ApiError && error.status === 401
