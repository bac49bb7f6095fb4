/** The Segpay driver: One-Click sales on a fan's earlier purchase, reversals and status over SRS, verified postbacks. */
import { ApplicationFailure } from '@temporalio/common'
import { DECLINES, PROCESSORS, type ChargeRequest, type ChargeResult, type ProcessorDriver } from '../driver.ts'
import { DEFAULT_FEE_RULE, estimatedFee, toMajorDecimal, type FeeRule } from './amounts.ts'
import { PASS_THROUGH, declineFor, isSegpayCurrency, splitAuthCode } from './codes.ts'
import { createNotificationParser } from './notifications.ts'
import { createOneClickClient, type OneClickReply } from './one-click-client.ts'
import { createReversals } from './reversals.ts'
import { createSrsClient } from './srs-client.ts'

/** Everything the driver needs; base URLs point at Segpay or at the local sandbox. */
export type SegpayDriverConfig = {
  /** https://service.segpay.com, or the local sandbox */
  oneClickBaseUrl: string
  /** https://srs.segpay.com, or the local sandbox */
  srsBaseUrl: string
  /** the package and its One-Click enabled dynamic price point: eticketid = packageId:pricePointId */
  packageId: string
  pricePointId: string
  /** SRS User ID and User Access Key (secret) */
  srsUserId: string
  srsAccessKey: string
  /** no default: Segpay publishes its postback addresses through SRS GetPostbackIPList; add 127.0.0.1/32 locally */
  allowedSourceCidrs: readonly string[]
  /** default 24 h */
  maxNotificationAgeMs?: number
  /** default 11.5 %: the fee we book at approval; Segpay's statement has the real one */
  feeRule?: FeeRule
  fetch?: typeof fetch
  now?: () => number
}

/** Why a charge request can never succeed: non-retryable failure types. */
export const SEGPAY_CHARGE_FAILURES = { unsupportedCurrency: 'SEGPAY_UNSUPPORTED_CURRENCY', badRequest: 'SEGPAY_BAD_REQUEST' } as const

const DAY_MS = 24 * 60 * 60 * 1000

function saleOf(request: ChargeRequest) {
  if (!isSegpayCurrency(request.currency)) {
    throw ApplicationFailure.nonRetryable(`Segpay does not bill in ${request.currency}`, SEGPAY_CHARGE_FAILURES.unsupportedCurrency)
  }
  return {
    purchaseId: request.paymentToken,
    amount: toMajorDecimal(request.amount, request.currency),
    currency: request.currency,
    description: request.description,
    // echoed in every postback of this sale and its reversals: that is how a postback finds its workflow
    passThrough: { [PASS_THROUGH.workflowId]: request.reference.workflowId, [PASS_THROUGH.fanId]: request.reference.fanId },
  }
}

function chargeResult(reply: OneClickReply, request: ChargeRequest, feeRule: FeeRule, now: number): ChargeResult {
  if (!reply.ok) {
    throw ApplicationFailure.nonRetryable(`Segpay refused the One-Click request: ${reply.message}`, SEGPAY_CHARGE_FAILURES.badRequest)
  }
  if (reply.transId !== '0') {
    return { status: 'approved', transactionId: reply.transId, processorFee: estimatedFee(request.amount, feeRule),
      approvedAt: new Date(now).toISOString() }
  }
  // TransID 0: a bank decline carries its issuer code; without one it is Segpay refusing our request, unless the
  // stored purchase itself is unusable
  const decline = declineFor(reply.authCode)
  if (!splitAuthCode(reply.authCode) && decline !== DECLINES.invalidToken) {
    throw ApplicationFailure.nonRetryable(`Segpay refused the One-Click sale: '${reply.authCode}'`, SEGPAY_CHARGE_FAILURES.badRequest)
  }
  return { status: 'declined', transactionId: null, decline, message: reply.authCode || 'Declined by Segpay' }
}

/** A ProcessorDriver for Segpay; stateless apart from its configuration. */
export function createSegpayDriver(config: SegpayDriverConfig): ProcessorDriver {
  const doFetch = config.fetch ?? globalThis.fetch
  const now = config.now ?? Date.now
  const feeRule = config.feeRule ?? DEFAULT_FEE_RULE
  const oneClick = createOneClickClient({ oneClickBaseUrl: config.oneClickBaseUrl, packageId: config.packageId,
    pricePointId: config.pricePointId, fetch: doFetch })
  const reversals = createReversals(createSrsClient({ srsBaseUrl: config.srsBaseUrl, userId: config.srsUserId,
    accessKey: config.srsAccessKey, fetch: doFetch }))
  return {
    name: PROCESSORS.segpay,
    async charge(request) {
      const reply = await oneClick.sale(saleOf(request), request.idempotencyKey)
      return chargeResult(reply, request, feeRule, now())
    },
    refund: reversals.refund,
    status: reversals.status,
    parseNotification: createNotificationParser({ packageId: config.packageId, allowedSourceCidrs: config.allowedSourceCidrs,
      maxNotificationAgeMs: config.maxNotificationAgeMs ?? DAY_MS }),
    // transaction postbacks are judged by HTTP status alone; the body is for people reading Segpay's postback log
    notificationAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
