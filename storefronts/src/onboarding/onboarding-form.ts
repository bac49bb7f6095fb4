/** The onboarding form's values, its checks, and where the API's refusals belong on it. */
import { ApiError, ApiFormError } from '../api'

export type OnboardingValues = {
  handle: string; legalFirstName: string; legalLastName: string; stageNames: string
  signatureName: string; agreed: boolean
}
export type OnboardingField = keyof OnboardingValues
export type OnboardingErrors = Partial<Record<OnboardingField, string>>

export const EMPTY_ONBOARDING: OnboardingValues = {
  handle: '', legalFirstName: '', legalLastName: '', stageNames: '', signatureName: '', agreed: false,
}
export const DETAIL_FIELDS: readonly OnboardingField[] = ['handle', 'legalFirstName', 'legalLastName', 'stageNames']

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
export const legalName = (v: OnboardingValues) => `${v.legalFirstName.trim()} ${v.legalLastName.trim()}`.trim()
export const stageNamesOf = (v: OnboardingValues) => v.stageNames.split(',').map((s) => s.trim()).filter(Boolean)

export function checkDetails(v: OnboardingValues): OnboardingErrors {
  const errors: OnboardingErrors = {}
  if (!/^[a-z0-9_]{3,30}$/.test(v.handle.trim().toLowerCase())) errors.handle = '3 to 30 letters, digits or _.'
  if (!v.legalFirstName.trim()) errors.legalFirstName = 'Enter your first name as on your ID document.'
  if (!v.legalLastName.trim()) errors.legalLastName = 'Enter your last name as on your ID document.'
  if (stageNamesOf(v).length > 10) errors.stageNames = 'List at most 10 stage names.'
  return errors
}

/** The release is signed by typing the legal name given on the first step. */
export function checkRelease(v: OnboardingValues): OnboardingErrors {
  const errors: OnboardingErrors = {}
  if (squash(v.signatureName) !== squash(legalName(v))) errors.signatureName = `Type your legal name exactly: ${legalName(v)}.`
  if (!v.agreed) errors.agreed = 'You need to agree to the model release.'
  return errors
}

// 'release.signatureName' -> signatureName, 'stageNames.2' -> stageNames
const FIELD_OF_PATH: Record<string, OnboardingField> = {
  handle: 'handle', legalFirstName: 'legalFirstName', legalLastName: 'legalLastName', stageNames: 'stageNames',
  'release.signatureName': 'signatureName', 'release.agreed': 'agreed',
}

export function onboardingErrors(error: unknown): { form: string; fields: OnboardingErrors } {
  if (!(error instanceof ApiError)) return { form: 'Something went wrong. Please try again.', fields: {} }
  const fields: OnboardingErrors = {}
  if (error instanceof ApiFormError) {
    for (const [path, message] of Object.entries(error.fields)) {
      const field = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.split('.')[0] ?? '']
      if (field) fields[field] = message
    }
  }
  if (error.code === 'HANDLE_TAKEN') fields.handle = error.message
  const form = error.code === 'VALIDATION_FAILED' && Object.keys(fields).length > 0 ? 'Please correct the marked fields.' : error.message
  return { form, fields }
}
