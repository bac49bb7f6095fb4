/** The signup form's values, its own checks before sending, and where the API's refusals belong on it. */
import { ApiError, ApiFormError } from '../api'

export type SignupValues = {
  email: string; password: string; displayName: string; handle: string; dateOfBirth: string
  country: string; region: string; acceptTerms: boolean; acceptPrivacy: boolean; attestAdult: boolean
}
export type SignupField = keyof SignupValues
export type FieldErrors = Partial<Record<SignupField, string>>

export const EMPTY_SIGNUP: SignupValues = {
  email: '', password: '', displayName: '', handle: '', dateOfBirth: '', country: '', region: '',
  acceptTerms: false, acceptPrivacy: false, attestAdult: false,
}

export const MIN_PASSWORD = 10
export const HANDLE_PATTERN = /^[a-z0-9_]{3,30}$/

/** The checks the browser can make; the API repeats them and decides age and jurisdiction itself. */
export function checkSignup(v: SignupValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Enter your email address.'
  if (v.password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`
  if (!v.displayName.trim()) errors.displayName = 'Enter the name other people will see.'
  if (!HANDLE_PATTERN.test(v.handle.trim().toLowerCase())) errors.handle = '3 to 30 letters, digits or _.'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth)) errors.dateOfBirth = 'Enter your date of birth.'
  if (!v.country) errors.country = 'Choose the country you live in.'
  if (!v.acceptTerms) errors.acceptTerms = 'You need to accept the terms of service.'
  if (!v.acceptPrivacy) errors.acceptPrivacy = 'You need to accept the privacy policy.'
  if (!v.attestAdult) errors.attestAdult = 'You need to confirm that you are an adult.'
  return errors
}

// refusals that are about one field: the message goes beside that input
const CODE_FIELDS: Partial<Record<string, SignupField>> = {
  UNDERAGE: 'dateOfBirth', MALFORMED_DATE_OF_BIRTH: 'dateOfBirth', IMPLAUSIBLE_DATE_OF_BIRTH: 'dateOfBirth',
  UNKNOWN_COUNTRY: 'country', UNKNOWN_REGION: 'region', EMAIL_TAKEN: 'email', HANDLE_TAKEN: 'handle',
}
const FIELDS: readonly string[] = Object.keys(EMPTY_SIGNUP)

/** The API's refusal split into a message for the form and messages for its fields. */
export function signupErrors(error: unknown): { form: string; fields: FieldErrors } {
  if (!(error instanceof ApiError)) return { form: 'Something went wrong. Please try again.', fields: {} }
  const fields: FieldErrors = {}
  if (error instanceof ApiFormError) {
    for (const [path, message] of Object.entries(error.fields)) if (FIELDS.includes(path)) fields[path as SignupField] = message
  }
  const field = CODE_FIELDS[error.code]
  if (field) fields[field] = error.message
  const form = error.code === 'VALIDATION_FAILED' && Object.keys(fields).length > 0 ? 'Please correct the marked fields.' : error.message
  return { form, fields }
}
