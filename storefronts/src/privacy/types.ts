/** A data subject request (GDPR / CCPA) as the fan's privacy center sees it: the DSR contract of issue 8. */

import type { DsrKind, PrivacyRequestView } from '../../../domain/privacy/request-view'

export {
  DSR_KIND, DSR_STATUS, OPEN_STATUSES, isOpen, type DsrKind, type DsrStatus, type Verification, type VerificationMethod, type DsrSystem, type StepStatus,
  type HoldKind, type Withheld, type DsrStep, type Extension,
} from '../../../domain/privacy/request-view'

export type PrivacyRequest = PrivacyRequestView

/** GET /api/me/privacy-requests/:id/receipt: what was done in each system, signed with the platform's key. */
export type SignedReceipt = { receipt: Record<string, unknown>; signature: string; keyId: string; algorithm: 'Ed25519'; publicKey: string }

export type NewPrivacyRequest = { kind: DsrKind; brand: string; rectification?: { displayName?: string } }
