/** The `verification` object Veriff sends in decision webhooks and GET /v1/sessions/{id}/decision, as a KycDecision. */
import { z } from 'zod'
import { KYC_STATUSES, type KycDecision, type KycStatus } from '../provider.ts'
import { DECISION_CODES, livenessFor, reasonFor } from './codes.ts'

const text = z.string().nullish()
// dates gate access to adult content: anything but YYYY-MM-DD is refused rather than guessed at
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').nullish()
const statuses = Object.values(KYC_STATUSES) as [KycStatus, ...KycStatus[]]

/** The fields we read; Veriff adds fields without notice (backwards-compatible changes), so unknown keys are ignored. */
export const verificationSchema = z.object({
  id: z.string().min(1),
  attemptId: text,
  vendorData: text,
  status: z.enum(statuses),
  code: z.number().int(),
  reason: text,
  // documented as a string, sent as a number in Veriff's own samples
  reasonCode: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  decisionTime: z.iso.datetime({ offset: true }),
  person: z.object({ firstName: text, lastName: text, dateOfBirth: isoDate }).nullish(),
  document: z.object({ type: text, number: text, country: text, validUntil: isoDate }).nullish(),
  insights: z.array(z.object({ label: text, result: text })).nullish(),
  riskLabels: z.array(z.object({ label: z.string() })).nullish(),
}).refine((v) => DECISION_CODES[v.status] === v.code, { message: 'code does not match status', path: ['code'] })

/** A verification object that passed the schema. */
export type VeriffVerification = z.output<typeof verificationSchema>

/** Maps a validated Veriff verification onto our decision. */
export function toDecision(v: VeriffVerification): KycDecision {
  const reasonCode = v.reasonCode ?? null
  const person = v.person || v.document ? {
    firstName: v.person?.firstName ?? null,
    lastName: v.person?.lastName ?? null,
    dateOfBirth: v.person?.dateOfBirth ?? null,
    document: {
      type: v.document?.type ?? null, number: v.document?.number ?? null,
      issuingCountry: v.document?.country ?? null, validUntil: v.document?.validUntil ?? null,
    },
  } : null
  return {
    sessionId: v.id,
    vendorData: v.vendorData ?? null,
    status: v.status,
    providerReasonCode: reasonCode === null ? null : String(reasonCode),
    reason: v.reason ?? null,
    reasonCode: reasonFor(v.status, reasonCode),
    decidedAt: new Date(v.decisionTime).toISOString(),
    person,
    liveness: livenessFor(v.insights),
    riskLabels: (v.riskLabels ?? []).map((r) => r.label),
  }
}

/** The first problem zod found, as `path: message`, for rejection messages and logs (never the values). */
export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'
}
