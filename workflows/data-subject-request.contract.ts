/** The contract of dataSubjectRequest: one run per request (id dsr-<requestId>), on the core queue. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'

export type DataSubjectRequestInput = { requestId: string }
export type DataSubjectRequestResult = { status: 'COMPLETED' | 'REJECTED' }

/** What the back office and the privacy center see of a run in flight. */
export type DsrProgress = {
  stage: 'verifying' | 'working' | 'waiting_on_hold' | 'done'
  dueAt: string
  /** the next time the erasure resumes: a date, 'on_release' (undated holds), or null */
  resumesAt: string | null
}

export const dsrWorkflowId = (requestId: string): string => `dsr:${requestId}`

/** The requester proved who they are (code by mail) or compliance attested it (staff). */
export const dsrVerifiedSignal = defineSignal<[{ method: 'email_code' | 'staff' }]>('dsrVerified')
/** A litigation hold was released: erasure re-evaluates its holds now. */
export const dsrHoldsChangedSignal = defineSignal<[]>('dsrHoldsChanged')
/** Compliance extends the statutory deadline, with a reason; refused (EXTENSION_*) when the law does not allow it. */
export const dsrExtendUpdate = defineUpdate<{ dueAt: string }, [{ days: number; reason: string; by: string }]>('dsrExtend')
/** Compliance rejects a request whose requester could not be verified (or that is manifestly unfounded), before work starts. */
export const dsrRejectUpdate = defineUpdate<{ status: 'REJECTED' }, [{ reason: string; by: string }]>('dsrReject')
export const dsrProgressQuery = defineQuery<DsrProgress>('dsrProgress')
