/** Turns a provider's decision into our outcome for the workflow, through the identity rules (domain/identity/kyc-decision.ts). */
import { resolveAgePolicy } from '../../domain/identity/age-policy.ts'
import { DOCUMENT_TYPES, type DocumentType } from '../../domain/identity/documents.ts'
import { decideFromProviderResult, KYC_REASONS } from '../../domain/identity/kyc-decision.ts'
import { DEFAULT_KYC_POLICY } from '../../domain/identity/kyc-policy.ts'
import type { KycDecision } from '../kyc/provider.ts'

export type Assessment = { outcome: 'approved' | 'declined' | 'resubmission' | 'review'; reasonCode: string | null; reason: string | null;
  documentValidUntil: string | null }

// providers name documents their own way (Veriff: PASSPORT, ID_CARD, DRIVERS_LICENSE, RESIDENCE_PERMIT)
const DOCUMENT_ALIASES: Record<string, DocumentType> = { PASSPORT: DOCUMENT_TYPES.passport, ID_CARD: DOCUMENT_TYPES.nationalId,
  NATIONAL_ID: DOCUMENT_TYPES.nationalId, DRIVERS_LICENSE: DOCUMENT_TYPES.drivingLicence, DRIVING_LICENCE: DOCUMENT_TYPES.drivingLicence,
  RESIDENCE_PERMIT: DOCUMENT_TYPES.residencePermit }

const MESSAGES: Record<string, string> = {
  [KYC_REASONS.underage]: 'The date of birth on the document shows the person is under the minimum age. We cannot accept this account.',
  [KYC_REASONS.documentExpired]: 'The document has expired. Please verify again with a valid document.',
  [KYC_REASONS.unreadableDocument]: 'The document could not be read; a compliance officer will look at it.',
  [KYC_REASONS.unreadableDateOfBirth]: 'The date of birth could not be read; a compliance officer will look at it.',
  [KYC_REASONS.nameMismatch]: 'The name on the document differs from the name given; a compliance officer will look at it.',
  [KYC_REASONS.providerDeclined]: 'The verification provider declined the documents.',
  [KYC_REASONS.providerResubmission]: 'The verification provider needs new photos of the document or of you.',
  [KYC_REASONS.providerReview]: 'The verification provider asked for a manual review.',
}

type Input = { decision: KycDecision; declared: { firstName: string; lastName: string } | null; country: string | null; region: string | null;
  now: Date; acceptReview: boolean }

/** The outcome; underage is always a decline, even on a compliance approval (acceptReview). */
export function assessDecision({ decision, declared, country, region, now, acceptReview }: Input): Assessment {
  const minimumAge = country ? resolveAgePolicy({ country, region: region ?? undefined, at: now }).minimumAge : 18
  const p = decision.person
  const docType = p?.document.type ? DOCUMENT_ALIASES[p.document.type.toUpperCase()] ?? null : null
  const person = { fullName: p?.firstName || p?.lastName ? [p.firstName, p.lastName].filter(Boolean).join(' ') : null, dateOfBirth: p?.dateOfBirth ?? null,
    document: docType ? { type: docType, validUntil: p?.document.validUntil ?? null } : null }
  const providerStatus = acceptReview ? 'approved' : decision.status === 'expired' || decision.status === 'abandoned' ? 'declined' : decision.status
  const facts = { declaredName: declared ? `${declared.firstName} ${declared.lastName}` : person.fullName ?? '', minimumAge,
    resubmissions: 0 } // the workflow counts resubmissions and applies the cap
  const d = decideFromProviderResult({ providerStatus, person, facts, policy: DEFAULT_KYC_POLICY, now })
  const reasonCode = d.reason === KYC_REASONS.providerDeclined || d.reason === KYC_REASONS.providerResubmission
    ? decision.reasonCode ?? d.reason : d.reason
  const outcome = d.status === 'resubmission_requested' ? 'resubmission' : d.status
  const reason = d.reason ? MESSAGES[d.reason] ?? decision.reason : null
  if (acceptReview && outcome === 'review') return { outcome: 'approved', reasonCode, reason, documentValidUntil: p?.document.validUntil ?? null }
  return { outcome, reasonCode, reason, documentValidUntil: outcome === 'approved' ? p?.document.validUntil ?? null : null }
}
