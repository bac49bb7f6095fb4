/** Data subject request read model (GET /api/privacy-requests, /api/privacy-requests/:id): the DSR contract of issue 8. */

import { DSR_STATUS, type DsrStatus, type HoldKind, type PrivacyRequestView } from '../../../domain/privacy/request-view'

export {
  DSR_KIND, DSR_STATUS, OPEN_STATUSES, isOpen, type DsrKind, type DsrStatus, type Verification, type VerificationMethod, type DsrSystem, type StepStatus,
  type HoldKind, type Withheld, type DsrStep, type Extension,
} from '../../../domain/privacy/request-view'

export const JURISDICTION = { gdpr: 'GDPR', ccpa: 'CCPA' } as const
export type Jurisdiction = (typeof JURISDICTION)[keyof typeof JURISDICTION]
export const VERIFICATION = { pending: 'pending', verified: 'verified', failed: 'failed' } as const
export const STEP_STATUS = { pending: 'PENDING', done: 'DONE', withheld: 'WITHHELD', skipped: 'SKIPPED' } as const
/** Rejection ends a request before its work is done: not once erasure is done but for the data a hold keeps (the API decides). */
export const canReject = (status: DsrStatus): boolean => status === DSR_STATUS.awaitingVerification || status === DSR_STATUS.inProgress
export type Receipt = NonNullable<PrivacyRequestView['receipt']>

/** A request as the back office lists it: the shared view and whose it is. */
export type PrivacyRequest = PrivacyRequestView & { personEmail: string }

/** A hold evaluated for the request: derived ones (2257, chargeback, tax) and compliance's litigation holds. */
export type EvaluatedHold = { kind: HoldKind; reason: string; until: string | null; categories: string[]; ref: string }

/** The show view adds the holds the workflow weighed against the person's data. */
export type PrivacyRequestDetail = PrivacyRequest & { holds: EvaluatedHold[] }

export const choices = (values: readonly string[]) => values.map((v) => ({ id: v, name: v.replaceAll('_', ' ') }))
