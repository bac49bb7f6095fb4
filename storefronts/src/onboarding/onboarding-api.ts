/** Creator onboarding calls: the model release, starting verification, and the case's progress. */
import { ApiError, apiFetch, apiSubmit } from '../api'

export type ModelRelease = { version: string; body: string }

export type OnboardingStatus = 'awaiting_applicant' | 'resubmission_requested' | 'review' | 'approved' | 'declined' | 'expired'
export type OnboardingCase = {
  caseId: string
  status: OnboardingStatus
  hostedUrl: string | null
  resubmissions: number
  remindersSent: number
  reasonCode: string | null
  reason: string | null
  updatedAt: string
}

export type OnboardingRequest = {
  brand: string; handle: string; legalFirstName: string; legalLastName: string; stageNames: string[]
  release: { version: string; signatureName: string; agreed: true }
}

const FINAL: readonly OnboardingStatus[] = ['approved', 'declined', 'expired']
export const isFinal = (status: OnboardingStatus) => FINAL.includes(status)

export const getModelRelease = () => apiFetch<ModelRelease>('/api/model-release')

export const startOnboarding = (request: OnboardingRequest, token: string) =>
  apiSubmit<{ caseId: string; workflowId: string }>('/api/creator-onboarding', { body: request, token })

/** The person's creator verification case, or null when they have not started one. */
export async function getOnboarding(brand: string, token: string): Promise<OnboardingCase | null> {
  try {
    return await apiFetch<OnboardingCase>(`/api/creator-onboarding?brand=${encodeURIComponent(brand)}`, { token })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
