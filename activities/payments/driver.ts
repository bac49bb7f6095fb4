/** One interface for every adult-friendly processor (CCBill, Segpay, Epoch, Verotel, crypto). Never Stripe or PayPal. */
import { CodedError } from '../../domain/coded-error.ts'

export const PROCESSORS = { ccbill: 'ccbill', segpay: 'segpay', epoch: 'epoch', verotel: 'verotel', crypto: 'crypto' } as const
export type ProcessorName = (typeof PROCESSORS)[keyof typeof PROCESSORS]

/** Why a charge failed, in our words; drivers map each processor's codes onto these. */
export const DECLINES = {
  insufficientFunds: 'INSUFFICIENT_FUNDS',
  cardDeclined: 'CARD_DECLINED',
  fraudSuspected: 'FRAUD_SUSPECTED',
  expiredCard: 'EXPIRED_CARD',
  invalidToken: 'INVALID_PAYMENT_TOKEN',
} as const
export type DeclineCode = (typeof DECLINES)[keyof typeof DECLINES]

export type ChargeRequest = {
  /** forwarded to the processor so a retried request never charges twice */
  idempotencyKey: string
  /** the processor's stored payment method for this fan (card data never touches our systems) */
  paymentToken: string
  amount: number
  currency: string
  description: string
  /** our ids, echoed back in notifications so they can be routed to the right workflow */
  reference: { workflowId: string; fanId: string }
  /**
   * Processor-owned rebilling: this charge opens a subscription the processor rebills, `rebillAmount` (minor units, same
   * currency) every `periodDays`, until cancelled (cancelRecurring) and tells us each time by notification ('rebill',
   * 'rebill_failed'). Only CCBill and Segpay honour it; the other drivers ignore it and charge once.
   */
  recurring?: { periodDays: number; rebillAmount: number }
}

export type ChargeResult =
  | { status: 'approved'; transactionId: string; processorFee: number; approvedAt: string
    /** the processor's subscription id, when the charge was recurring: what cancelRecurring and rebill notices name */
    subscriptionRef?: string }
  | { status: 'declined'; transactionId: string | null; decline: DeclineCode; message: string }

export type RefundRequest = { idempotencyKey: string; transactionId: string; amount: number; currency: string; reason: string }
export type RefundResult = { status: 'refunded' | 'voided'; refundId: string; feeRefunded: boolean }

export type TransactionStatus = { transactionId: string; state: 'approved' | 'declined' | 'refunded' | 'voided' | 'chargeback' | 'unknown' }

/**
 * An inbound notification after verification: deduped by (processor, eventId). 'sale_failed' (a declined sale) and
 * 'other' are genuine events we store and acknowledge but do not act on; processorType keeps the processor's name.
 */
export type ProcessorEvent = {
  processor: ProcessorName
  eventId: string
  type: 'sale' | 'sale_failed' | 'rebill' | 'rebill_failed' | 'refund' | 'void' | 'chargeback' | 'cancellation' | 'other'
  /** the processor's own name for the event: CCBill's eventType, Verotel's event, Epoch's letter, Segpay's trantype/action/stage/approved */
  processorType: string
  transactionId: string
  amount: number | null
  currency: string | null
  occurredAt: string
  reference: { workflowId: string | null; fanId: string | null }
  /** a payment token issued with the event for the fan's next charge (Verotel's next oneClickToken); a secret */
  nextPaymentToken: string | null
  /** the processor's fee on this event, when its notification reports one (neither CCBill nor Segpay does); else null */
  processorFee?: number | null
  /** the processor's subscription id, on events of a processor-owned subscription (its rebills and cancellation) */
  subscriptionRef?: string | null
  raw: Record<string, string>
}

/** Asks the processor to stop rebilling a subscription (the fan keeps what was paid for); a retry is harmless. */
export type CancelRecurringRequest = { idempotencyKey: string; subscriptionRef: string; reason: string }

/** The raw HTTP notification as received, for verification (signature or source address). */
export type InboundNotification = {
  /** path and query as received (CCBill puts the event type in the query) */
  url: string
  headers: Record<string, string | undefined>
  /** exact body bytes as text (form-encoded or JSON), needed to verify signatures */
  rawBody: string
  sourceIp: string
  receivedAt: string
}

export const NOTIFICATION_ERRORS = {
  badSignature: 'BAD_SIGNATURE',
  untrustedSource: 'UNTRUSTED_SOURCE',
  stale: 'STALE_NOTIFICATION',
  malformed: 'MALFORMED_NOTIFICATION',
} as const
export type NotificationErrorCode = (typeof NOTIFICATION_ERRORS)[keyof typeof NOTIFICATION_ERRORS]

export class NotificationRejected extends CodedError<NotificationErrorCode> {}

/** What every processor driver implements. Drivers throw on transport failures (retryable) only. */
export interface ProcessorDriver {
  readonly name: ProcessorName
  charge(request: ChargeRequest): Promise<ChargeResult>
  refund(request: RefundRequest): Promise<RefundResult>
  status(transactionId: string): Promise<TransactionStatus>
  /**
   * Stops the processor's rebilling of a subscription opened by a recurring charge; `cancelled` is true once it is
   * stopped, also when it already was. Only drivers whose processor owns the rebilling (CCBill, Segpay) have it.
   */
  cancelRecurring?(request: CancelRecurringRequest): Promise<{ cancelled: boolean }>
  /** verifies authenticity and freshness, then parses; throws NotificationRejected */
  parseNotification(notification: InboundNotification): ProcessorEvent
  /** the body the processor expects back on success (e.g. CCBill wants 200 with any body, Verotel 'OK') */
  notificationAck(): { status: number; contentType: string; body: string }
}
