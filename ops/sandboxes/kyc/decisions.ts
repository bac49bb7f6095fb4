/** Decides a sandbox session as Veriff would report it: captures, the `verification` object, the decision webhook. */
import { randomInt, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { captures } from './images.ts'
import { FINAL_STATUSES, type KycState, type SandboxSession } from './state.ts'
import type { WebhookPoster } from './webhooks.ts'

/** Veriff's decline reason codes (a subset of its table); the sandbox reports whichever the tester picks. */
export const DECLINE_REASONS: Record<number, string> = {
  101: 'Physical document not used', 102: 'Suspected document tampering',
  103: 'Person showing the document does not appear to match document photo', 104: 'Name entered does not match name on document',
  105: 'Suspicious behaviour', 106: 'Known fraud', 108: 'Velocity/abuse duplicated end-user', 110: 'Velocity/abuse duplicated ID',
  112: 'Restricted IP location', 113: 'Suspicious behaviour - Identity Farming',
}
/** Veriff's resubmission reason codes (a subset). */
export const RESUBMISSION_REASONS: Record<number, string> = {
  201: 'Video and/or photos missing', 202: 'Face not clearly visible', 203: 'Full document not visible', 204: 'Poor image quality',
  205: 'Document damaged', 206: 'Document type not supported', 207: 'Document expired',
}
const DEFAULT_REASON = { declined: 102, resubmission_requested: 204 } as const

/** Every status a decision can carry. */
export const OUTCOMES = ['approved', 'declined', 'resubmission_requested', 'review', 'expired', 'abandoned'] as const
/** What a person can end up with in the hosted flow; expiry and abandonment only happen by time (or a control). */
export const HOSTED_OUTCOMES = ['approved', 'declined', 'resubmission_requested', 'review'] as const
const CODES: Record<(typeof OUTCOMES)[number], number> = {
  approved: 9001, declined: 9102, resubmission_requested: 9103, review: 9121, expired: 9104, abandoned: 9104,
}
/** The document types the hosted flow offers (Veriff's names). */
export const DOCUMENT_TYPES = ['PASSPORT', 'ID_CARD', 'DRIVERS_LICENSE', 'RESIDENCE_PERMIT'] as const

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const reasonsFor = (status: string) => (status === 'declined' ? DECLINE_REASONS : status === 'resubmission_requested' ? RESUBMISSION_REASONS : {})

/** A decision as the hosted form or the JSON control gives it; the sandbox applies no age policy of its own. */
export const decisionInputSchema = z.object({
  status: z.enum(OUTCOMES),
  reasonCode: z.coerce.number().int().optional(),
  person: z.object({ firstName: z.string().trim().min(1), lastName: z.string().trim().min(1), dateOfBirth: isoDate }).partial().optional(),
  document: z.object({ type: z.enum(DOCUMENT_TYPES), number: z.string().regex(/^[A-Za-z0-9]{1,30}$/, 'letters and digits only'),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'), validUntil: isoDate }).partial().optional(),
  liveness: z.enum(['green', 'yellow', 'red']).default('green'),
  riskLabels: z.array(z.string().min(1)).default([]),
}).refine((d) => d.reasonCode === undefined || d.reasonCode in reasonsFor(d.status),
  { message: 'not a reason code for this status', path: ['reasonCode'] })
/** A validated decision input. */
export type DecisionInput = z.output<typeof decisionInputSchema>

const fiveYearsOn = () => new Date(Date.now() + 5 * 365 * 86_400_000).toISOString().slice(0, 10)

function extracted(session: SandboxSession, input: DecisionInput) {
  if (!['approved', 'declined', 'review'].includes(input.status)) return { person: null, document: null }
  const p = { ...session.person, ...input.person }
  const d = { type: 'PASSPORT', number: `SBX${randomInt(1e6, 1e7)}`, country: 'US', validUntil: fiveYearsOn(), ...input.document }
  return {
    person: { firstName: p.firstName ?? null, lastName: p.lastName ?? null, dateOfBirth: p.dateOfBirth ?? null,
      gender: null, idNumber: null, nationality: null, placeOfBirth: null },
    document: { type: d.type, number: d.number, country: d.country, validFrom: null, validUntil: d.validUntil },
  }
}

function verification(session: SandboxSession, attemptId: string, input: DecisionInput) {
  const fallback = DEFAULT_REASON[input.status as keyof typeof DEFAULT_REASON]
  const reasonCode = input.reasonCode ?? fallback ?? null
  return {
    id: session.id, attemptId, vendorData: session.vendorData, endUserId: session.endUserId,
    status: input.status, code: CODES[input.status],
    reason: reasonCode === null ? null : (reasonsFor(input.status)[reasonCode] ?? null), reasonCode,
    decisionTime: new Date().toISOString(), acceptanceTime: session.createdAt,
    ...extracted(session, input),
    insights: input.status === 'expired' || input.status === 'abandoned' ? null
      : [{ label: 'faceLiveness', result: input.liveness, category: 'face' }],
    riskLabels: input.riskLabels.map((label) => ({ label, category: 'client_data_mismatch', sessionIds: [] })),
    additionalVerifiedData: {}, comments: [], highRisk: false,
  }
}

/** Where decisions are stored and sent. */
export type DecideDeps = { state: KycState; webhooks: WebhookPoster }

/** Records one attempt's decision, stores its captures and posts the webhook; null if the session is already final. */
export function decide(deps: DecideDeps, session: SandboxSession, input: DecisionInput): Record<string, unknown> | null {
  if (FINAL_STATUSES.includes(session.status)) return null
  const attemptId = randomUUID()
  session.attempts.push(attemptId)
  if (input.status !== 'expired' && input.status !== 'abandoned') {
    const timestamp = new Date().toISOString()
    for (const c of captures(`${session.id}:${attemptId}`)) deps.state.addMedia({ ...c, sessionId: session.id, attemptId, timestamp })
  }
  const decision = verification(session, attemptId, input)
  session.status = input.status
  session.decision = decision
  deps.webhooks.post(session.id, input.status, { status: 'success', verification: decision, technicalData: { ip: '127.0.0.1' } })
  return decision
}
