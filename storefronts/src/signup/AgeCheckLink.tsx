import { useCallback } from 'react'
import { getSignup, type SignupState } from './signup-api'
import { SIGNUP_STATUS_TEXT } from './signup-status'
import { usePoll } from './use-poll'

const waiting = (s: SignupState) => s.status === 'awaiting_email' || (s.status === 'age_verification' && !s.ageCheckUrl)

/** After the email is confirmed: the signup's next step, and the way to the age check where the law requires one. */
export function AgeCheckLink({ personId }: { personId: string }) {
  const load = useCallback(() => getSignup(personId), [personId])
  const { value } = usePoll(load, 2000, waiting)
  const s = value
  if (!s) return null
  return (
    <>
      <p className="status-line" data-testid="signup-next" data-status={s.status}>{SIGNUP_STATUS_TEXT[s.status]}</p>
      {s.status === 'age_verification' && s.ageCheckUrl && (
        <a className="btn btn-primary" href={s.ageCheckUrl} data-testid="verify-age-check">Continue to the age check</a>
      )}
    </>
  )
}
