/** Contract of signupFan: a fan account from signup to activation (email verified; verified age where the law requires it). */
import { defineQuery, defineSignal } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'
import type { KycTimings } from './verify-identity.contract.ts'

export type SignupFanInput = {
  personId: string
  brandSlug: string
  /** from the jurisdiction's age policy (domain/identity/age-policy.ts) */
  assurance: 'self_declaration' | 'verified_age'
  /** a mailed verification link stays valid this long */
  tokenTtlHours: number
  /** a signup not verified by then expires and its email can be used again */
  expiryDays: number
  maxResends: number
  kyc: KycTimings
}

export type SignupStatus = 'awaiting_email' | 'age_verification' | 'active' | 'expired' | 'declined'
export type SignupState = { status: SignupStatus; resends: number; emailVerified: boolean; ageCaseId: string | null }

export const emailVerifiedSignal = defineSignal('emailVerified')
export const resendVerificationSignal = defineSignal('resendVerification')
export const signupStateQuery = defineQuery<SignupState>('signupState')

export const signupFanWorkflowId = (personId: string) => `signup:${personId}`
export const signupFanTaskQueue = TASK_QUEUES.core
