/** Words of the privacy center: what a request is, where it stands, what each system did, in plain language. */
import type { DsrKind, DsrStatus, DsrSystem, HoldKind, PrivacyRequest, StepStatus } from './types'

export const KIND_LABEL: Readonly<Record<DsrKind, string>> = {
  access: 'Copy of my data', erasure: 'Deletion of my account and data', rectification: 'Correction of my data',
}

export const STATUS_LABEL: Readonly<Record<DsrStatus, string>> = {
  AWAITING_VERIFICATION: 'Waiting for you to confirm it is you',
  IN_PROGRESS: 'We are working on it',
  WAITING_ON_HOLD: 'Done, except records we must keep for now under a legal hold',
  COMPLETED: 'Done',
  REJECTED: 'Declined',
}

/** Where each system's share of the work happens, as a fan would name it. */
export const SYSTEM_LABEL: Readonly<Record<DsrSystem, string>> = {
  postgres: 'Account, profile and activity', storage: 'Uploaded files', search: 'Search results', ledger: 'Payment ledger',
  temporal: 'Background job histories',
}

export const STEP_LABEL: Readonly<Record<StepStatus, string>> = {
  PENDING: 'Waiting', DONE: 'Done', WITHHELD: 'Partly kept under a legal hold', SKIPPED: 'Nothing to do',
}

export const HOLD_LABEL: Readonly<Record<HoldKind | 'running_workflows', string>> = {
  records_2257: '2257 records (age and identity of performers)', chargeback: 'an open payment dispute', tax: 'tax records',
  litigation: 'a legal claim', running_workflows: 'work still running for your account (it ends on its own)',
}

export const dateText = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—')

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`

/** '12 days left', 'due today', 'overdue by 2 days'. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `overdue by ${plural(-daysLeft)}`
  return daysLeft === 0 ? 'due today' : `${plural(daysLeft)} left`
}

/** 'profile_photos' -> 'profile photos'. */
export const whatText = (what: string) => what.replaceAll('_', ' ')

/** { media: 4, sessions: 2 } -> 'media 4, sessions 2'. */
export const erasedText = (erased: Record<string, number>) =>
  Object.entries(erased).map(([what, count]) => `${whatText(what)} ${count}`).join(', ')

/** Whether the download link of an access request has run out (the API answers 410 then as well). */
export const downloadExpired = (request: Pick<PrivacyRequest, 'download'>, now = Date.now()) => {
  const expiresAt = request.download?.expiresAt
  return expiresAt ? Date.parse(expiresAt) <= now : false
}
