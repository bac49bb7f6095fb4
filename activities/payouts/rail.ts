/** One interface for every payout rail (Paxum, Wise, ACH through Dwolla, wire through a bank's ISO 20022 API, crypto). */
import { CodedError } from '../../domain/coded-error.ts'
import type { PayoutRailName, PayoutDestination } from '../../domain/payouts/destinations.ts'
import type { PayoutFailureCode } from '../../domain/payouts/rail-order.ts'

export type { PayoutRailName, PayoutDestination }

export { PAYOUT_FAILURES, type PayoutFailureCode } from '../../domain/payouts/rail-order.ts'

export type PayoutRequest = {
  /** forwarded to the rail (or used as its reference) so a retried request never pays twice */
  idempotencyKey: string
  /** minor units */
  amount: number
  /** ISO 4217 (crypto: the stablecoin is pegged to this currency, e.g. USD) */
  currency: string
  destination: PayoutDestination
  /** our ids, echoed back in notifications and reports: the payout workflow id and the creator */
  reference: { workflowId: string; creatorId: string; runId: string }
  /** shown to the payee (statement descriptor / remittance information), at most 140 characters */
  description: string
}

/**
 * What a rail said about a payout. `sent`: accepted, money on its way (settles later, by notification or polling);
 * `settled`: the payee has it (some rails settle at once, e.g. Paxum's wallet transfers); `failed`: final, nothing paid.
 */
export type PayoutState =
  | { status: 'sent'; providerRef: string }
  | { status: 'settled'; providerRef: string; settledAt: string }
  | { status: 'failed'; providerRef: string | null; failure: PayoutFailureCode; message: string
    /** the rail's own code (ACH R03, ISO 20022 AC01, Wise state, Paxum ResponseCode) */
    railCode: string }

export type RailNotification = {
  url: string
  headers: Record<string, string | undefined>
  /** exact body bytes as text, needed to verify signatures */
  rawBody: string
  sourceIp: string
  receivedAt: string
}

/** A verified inbound rail notification: deduped by (rail, eventId), routed by providerRef or reference. */
export type RailEvent = {
  rail: PayoutRailName
  eventId: string
  providerRef: string
  /** our payout workflow id when the rail echoes it */
  workflowId: string | null
  state: PayoutState
  occurredAt: string
  raw: Record<string, unknown>
}

/** One line of a rail's own report of what it paid, for reconciliation against the ledger. */
export type RailReportLine = {
  providerRef: string
  /** our idempotency key / reference as the rail recorded it, when it records one */
  reference: string | null
  amount: number
  currency: string
  status: 'sent' | 'settled' | 'failed' | 'returned'
  at: string
}

export const RAIL_NOTIFICATION_ERRORS = {
  badSignature: 'BAD_SIGNATURE',
  untrustedSource: 'UNTRUSTED_SOURCE',
  stale: 'STALE_NOTIFICATION',
  malformed: 'MALFORMED_NOTIFICATION',
  /** genuine and verified, but about something else (a rail that sends every topic to one subscription): acknowledged, not acted on */
  notAboutPayout: 'NOT_ABOUT_A_PAYOUT',
} as const
export type RailNotificationErrorCode = (typeof RAIL_NOTIFICATION_ERRORS)[keyof typeof RAIL_NOTIFICATION_ERRORS]
export class RailNotificationRejected extends CodedError<RailNotificationErrorCode> {}

/** What every payout rail driver implements. Drivers throw on transport failures and 5xx (retryable) only. */
export interface PayoutRail {
  readonly name: PayoutRailName
  /**
   * Checks a destination with the rail before we pay it (Wise validates and creates the recipient, Dwolla creates the
   * funding source, Paxum checks the wallet exists, the bank validates the IBAN/BIC, crypto checks the address).
   * `verified: false` carries the rail's reason, shown to the creator.
   */
  verifyDestination(destination: PayoutDestination): Promise<{ verified: true; providerRecipientId: string | null } | { verified: false; failure: PayoutFailureCode; message: string }>
  /** Sends one payout; repeating the same idempotencyKey returns the first payout's state and pays nothing more. */
  send(request: PayoutRequest): Promise<PayoutState>
  /** The current state of a payout, by the idempotency key it was sent with (used when polling). */
  status(idempotencyKey: string): Promise<PayoutState | null>
  /** Verifies and parses a notification; rails that only answer polls throw RailNotificationRejected(malformed). */
  parseNotification(notification: RailNotification): RailEvent
  /** The rail's report of payouts whose last change falls in [from, to). */
  report(range: { from: string; to: string }): Promise<RailReportLine[]>
  /** the reference this rail records for our key, when it differs from providerRef (reconciliation matches report lines by it) */
  referenceOf?(idempotencyKey: string): string
}
