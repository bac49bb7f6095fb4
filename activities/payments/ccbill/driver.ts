/**
 * The CCBill driver: charges stored payment tokens over the RESTful API (once, or opening a subscription CCBill rebills),
 * reverses and cancels rebilling over DataLink, verifies webhooks.
 */
import { ApplicationFailure } from '@temporalio/common'
import { DECLINES, PROCESSORS, type ChargeRequest, type ChargeResult, type ProcessorDriver } from '../driver.ts'
import { DEFAULT_FEE_RULE, estimatedFee, toMajorDecimal, type FeeRule } from './amounts.ts'
import { createCcbillApiClient, type ChargeBody, type ChargeReply } from './api-client.ts'
import { CCBILL_CURRENCIES, CCBILL_WEBHOOK_CIDRS, TOKEN_ERROR_CODES, declineFor } from './codes.ts'
import { createDatalinkClient } from './datalink-client.ts'
import { createNotificationParser, type CcbillInboundNotification } from './notifications.ts'
import { createReversals } from './reversals.ts'

export type CcbillDriverConfig = {
  /** https://api.ccbill.com, or the local sandbox */
  apiBaseUrl: string
  /** https://datalink.ccbill.com, or the local sandbox */
  datalinkBaseUrl: string
  clientAccnum: string
  clientSubacc: string
  /** Merchant Application ID and Secret of the RESTful API (secret) */
  appId: string
  secret: string
  /** DataLink user and password (secret) */
  datalinkUsername: string
  datalinkPassword: string
  /** default: CCBill's published webhook ranges; add 127.0.0.1/32 for the local sandbox only */
  allowedSourceCidrs?: readonly string[]
  /** default 24 h */
  maxNotificationAgeMs?: number
  /** default 10.5 %: the fee we book at approval; the settlement report has the real one */
  feeRule?: FeeRule
  fetch?: typeof fetch
  now?: () => number
}

export const CCBILL_CHARGE_FAILURES = { unsupportedCurrency: 'CCBILL_UNSUPPORTED_CURRENCY', badRequest: 'CCBILL_BAD_REQUEST' } as const

// CCBill wants an access period even for a one-time sale; our entitlements do not expire with it
const ONE_TIME_PERIOD_DAYS = 30
// CCBill's number of rebills for "until cancelled"
const UNLIMITED_REBILLS = 99
const DAY_MS = 24 * 60 * 60 * 1000

function numericCurrency(currency: string): number {
  const code = CCBILL_CURRENCIES[currency as keyof typeof CCBILL_CURRENCIES]
  if (code === undefined) {
    throw ApplicationFailure.nonRetryable(`CCBill does not bill in ${currency}`, CCBILL_CHARGE_FAILURES.unsupportedCurrency)
  }
  return code
}

/** The recurring terms in CCBill's fields: the first period as long as the rebill period, rebilled until cancelled. */
function recurringTerms(request: ChargeRequest): Pick<ChargeBody, 'initialPeriod' | 'recurringPrice' | 'recurringPeriod' | 'rebills'> {
  const { recurring } = request
  if (!recurring) return { initialPeriod: ONE_TIME_PERIOD_DAYS }
  const { periodDays, rebillAmount } = recurring
  if (!Number.isInteger(periodDays) || periodDays < 1 || !Number.isInteger(rebillAmount) || rebillAmount < 1) {
    throw ApplicationFailure.nonRetryable(`CCBill cannot rebill ${rebillAmount} every ${periodDays} days`, CCBILL_CHARGE_FAILURES.badRequest)
  }
  return { initialPeriod: periodDays, recurringPrice: Number(toMajorDecimal(rebillAmount, request.currency)), recurringPeriod: periodDays,
    rebills: UNLIMITED_REBILLS }
}

function chargeBody(config: CcbillDriverConfig, request: ChargeRequest): ChargeBody {
  return {
    clientAccnum: Number(config.clientAccnum),
    clientSubacc: Number(config.clientSubacc),
    // the decimal string is exact; as a JSON number it serialises back to the same digits
    initialPrice: Number(toMajorDecimal(request.amount, request.currency)),
    ...recurringTerms(request),
    currencyCode: numericCurrency(request.currency),
    // CCBill echoes X- fields in its webhooks: that is how a notification finds its workflow
    passThroughInfo: { 'X-workflowId': request.reference.workflowId, 'X-fanId': request.reference.fanId },
  }
}

function chargeResult(reply: ChargeReply, request: ChargeRequest, feeRule: FeeRule, now: number): ChargeResult {
  if (!reply.ok) {
    const tokenUnusable = (Object.values(TOKEN_ERROR_CODES) as number[]).includes(reply.errorCode ?? -1)
    if (tokenUnusable) return { status: 'declined', transactionId: null, decline: DECLINES.invalidToken, message: reply.message }
    throw ApplicationFailure.nonRetryable(`CCBill refused the charge request: ${reply.message}`, CCBILL_CHARGE_FAILURES.badRequest)
  }
  const { body } = reply
  if (!body.approved) {
    return { status: 'declined', transactionId: body.denialId == null ? null : String(body.denialId),
      decline: declineFor(body.declineCode, body.declineText), message: body.declineText ?? 'Declined by CCBill' }
  }
  if (body.subscriptionId == null) throw new Error('CCBill approved the charge without a subscriptionId')
  // one id for both: the sale and the subscription CCBill rebills are the same record to DataLink
  const subscriptionId = String(body.subscriptionId)
  return { status: 'approved', transactionId: subscriptionId, processorFee: estimatedFee(request.amount, feeRule),
    approvedAt: new Date(now).toISOString(), ...(request.recurring ? { subscriptionRef: subscriptionId } : {}) }
}

/** A ProcessorDriver for CCBill; all state (the OAuth token) lives in the returned object. */
export function createCcbillDriver(config: CcbillDriverConfig): ProcessorDriver & {
  parseNotification(notification: CcbillInboundNotification): ReturnType<ProcessorDriver['parseNotification']>
} {
  const doFetch = config.fetch ?? globalThis.fetch
  const now = config.now ?? Date.now
  const feeRule = config.feeRule ?? DEFAULT_FEE_RULE
  const api = createCcbillApiClient({ apiBaseUrl: config.apiBaseUrl, appId: config.appId, secret: config.secret, fetch: doFetch, now })
  const reversals = createReversals(createDatalinkClient({
    datalinkBaseUrl: config.datalinkBaseUrl, clientAccnum: config.clientAccnum, clientSubacc: config.clientSubacc,
    username: config.datalinkUsername, password: config.datalinkPassword, fetch: doFetch,
  }))
  const parseNotification = createNotificationParser({
    clientAccnum: config.clientAccnum,
    allowedSourceCidrs: config.allowedSourceCidrs ?? CCBILL_WEBHOOK_CIDRS,
    maxNotificationAgeMs: config.maxNotificationAgeMs ?? DAY_MS,
  })
  return {
    name: PROCESSORS.ccbill,
    async charge(request) {
      const reply = await api.chargePaymentToken(request.paymentToken, chargeBody(config, request), request.idempotencyKey)
      return chargeResult(reply, request, feeRule, now())
    },
    refund: reversals.refund,
    status: reversals.status,
    cancelRecurring: reversals.cancelRecurring,
    parseNotification,
    // CCBill treats any 200 as delivered and retries anything else
    notificationAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
