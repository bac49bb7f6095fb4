/** The storefront's account calls: signup, email verification, sign-in with the second factor, and TOTP enrolment. */
import { ApiError, apiFetch, apiSubmit } from '../api'
import type { Fan } from '../fan-session'

export type Assurance = 'self_declaration' | 'verified_age'
export type SignupRequest = {
  brand: string; email: string; password: string; displayName: string; handle: string; dateOfBirth: string
  country: string; region?: string; acceptTerms: true; acceptPrivacy: true; attestAdult: true
}
export type SignupStarted = { personId: string; workflowId: string; assurance: Assurance }
export type SignupStatus = 'awaiting_email' | 'age_verification' | 'active' | 'expired' | 'declined'
export type SignupState = { status: SignupStatus; resends: number; emailVerified: boolean; ageCaseId: string | null; ageCheckUrl?: string | null }

export const signup = (request: SignupRequest) => apiSubmit<SignupStarted>('/api/auth/signup', { body: request })

export const getSignup = (personId: string) => apiFetch<SignupState>(`/api/signups/${encodeURIComponent(personId)}`)

/** Confirms the address from the mailed link; the answer may carry the signup's next status. */
export const verifyEmail = (token: string) =>
  apiFetch<{ status?: SignupStatus; emailVerified?: boolean; personId?: string }>('/api/auth/verify-email', { method: 'POST', body: { token } })

/** Always 202, whether or not the address has a pending signup (so it cannot be used to probe for accounts). */
export const resendVerification = (email: string) =>
  apiFetch<{ message?: string }>('/api/auth/resend-verification', { method: 'POST', body: { email } })

export type SignedIn = { token: string; refreshToken?: string; person: Fan }
export type LoginAnswer = SignedIn | { mfaRequired: true; mfaToken: string }

export const login = (email: string, password: string) =>
  apiFetch<LoginAnswer>('/api/auth/login', { method: 'POST', body: { email, password } })

export const loginTotp = (mfaToken: string, code: string) =>
  apiFetch<SignedIn>('/api/auth/login/totp', { method: 'POST', body: { mfaToken, code } })

export const totpSetup = (token: string) =>
  apiFetch<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup', { method: 'POST', body: {}, token })
export const totpEnable = (token: string, code: string) => apiFetch<unknown>('/api/auth/totp/enable', { method: 'POST', body: { code }, token })
export const totpDisable = (token: string, code: string) => apiFetch<unknown>('/api/auth/totp/disable', { method: 'POST', body: { code }, token })

/** The code of a failed call, or '' when it was not an API answer. */
export const codeOf = (error: unknown): string => (error instanceof ApiError ? error.code : '')

export const messageOf = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.'
