import type { SignupStatus } from './signup-api'

/** What each signup status means for the person, in their words. */
export const SIGNUP_STATUS_TEXT: Record<SignupStatus, string> = {
  awaiting_email: 'Waiting for you to confirm your email address.',
  age_verification: 'Email confirmed. Next, the law where you live requires us to verify your age with an ID document.',
  active: 'Your account is ready. Sign in to start.',
  expired: 'This signup expired before the email address was confirmed. Please sign up again.',
  declined: 'We could not verify your age, so this account was not opened.',
}

export const isOpenSignup = (status: SignupStatus) => status === 'awaiting_email' || status === 'age_verification'
