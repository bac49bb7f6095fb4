/** The Verotel driver: one-click FlexPay purchases, reversals over the Control Center API, signed postbacks. */
import { ApplicationFailure } from '@temporalio/common'
import { DECLINES, PROCESSORS, type ChargeRequest, type ChargeResult, type ProcessorDriver } from '../driver.ts'
import { DEFAULT_FEE_RULE, estimatedFee, toMajorDecimal, type FeeRule } from './amounts.ts'
import { ONE_CLICK_RESPONSES, VEROTEL_FAILURES, declineFor, isVerotelCurrency } from './codes.ts'
import { createControlCenterClient } from './control-center-client.ts'
import { createFlexpayClient, type OneClickReply } from './flexpay-client.ts'
import { createNotificationParser } from './notifications.ts'
import { createReversals } from './reversals.ts'

export type VerotelDriverConfig = {
  /** https://secure.verotel.com (or the brand's own host, e.g. https://secure.billing.creditcard), or the local sandbox */
  flexpayBaseUrl: string
  /** https://controlcenter.verotel.com/api, or the local sandbox's /api */
  controlCenterApiUrl: string
  /** the website (shop) ID from Control Center */
  shopId: string
  /** the website's FlexPay signature key (secret) */
  signatureKey: string
  /** Control Center API user and password (secret) */
  apiUsername: string
  apiPassword: string
  /** default: a placeholder 15.5 %, to be set to the contracted rate */
  feeRule?: FeeRule
  fetch?: typeof fetch
  now?: () => number
}

function chargeResult(reply: OneClickReply, request: ChargeRequest, feeRule: FeeRule, now: number): ChargeResult {
  const { fields } = reply
  if (!reply.ok) {
    throw ApplicationFailure.nonRetryable(`Verotel refused the purchase request: ${fields.error ?? `HTTP ${reply.status}`}`,
      VEROTEL_FAILURES.badRequest)
  }
  if (fields.response === ONE_CLICK_RESPONSES.approved) {
    if (!fields.saleID) throw new Error('Verotel approved the purchase without a saleID')
    return { status: 'approved', transactionId: fields.saleID, processorFee: estimatedFee(request.amount, feeRule),
      approvedAt: new Date(now).toISOString() }
  }
  if (fields.response === ONE_CLICK_RESPONSES.declined) {
    return { status: 'declined', transactionId: fields.transactionID || null, decline: declineFor(fields.declineReason),
      message: fields.declineReason || 'Declined by Verotel' }
  }
  if (fields.response === ONE_CLICK_RESPONSES.error) {
    // the only error a well-formed request can meet: the one-click token is unknown, used up or disabled
    return { status: 'declined', transactionId: null, decline: DECLINES.invalidToken, message: fields.error || 'Invalid oneClickToken' }
  }
  throw new Error(`Verotel answered the purchase with response '${fields.response ?? ''}'`)
}

/**
 * A ProcessorDriver for Verotel. The fan's paymentToken is the oneClickToken of their earlier Verotel purchase;
 * every approved purchase's sale postback carries the next one in `raw.oneClickToken`.
 */
export function createVerotelDriver(config: VerotelDriverConfig): ProcessorDriver {
  const doFetch = config.fetch ?? globalThis.fetch
  const now = config.now ?? Date.now
  const feeRule = config.feeRule ?? DEFAULT_FEE_RULE
  const flexpay = createFlexpayClient({ flexpayBaseUrl: config.flexpayBaseUrl, shopId: config.shopId, signatureKey: config.signatureKey,
    fetch: doFetch })
  const reversals = createReversals(createControlCenterClient({ apiUrl: config.controlCenterApiUrl, username: config.apiUsername,
    password: config.apiPassword, fetch: doFetch }))
  return {
    name: PROCESSORS.verotel,
    async charge(request) {
      if (!isVerotelCurrency(request.currency)) {
        throw ApplicationFailure.nonRetryable(`Verotel does not bill in ${request.currency}`, VEROTEL_FAILURES.unsupportedCurrency)
      }
      const reply = await flexpay.purchase({
        oneClickToken: request.paymentToken, priceAmount: toMajorDecimal(request.amount, request.currency),
        priceCurrency: request.currency, description: request.description, referenceID: request.idempotencyKey,
        // custom1..3 come back in every postback of the sale: that is how a postback finds its workflow
        custom1: request.reference.workflowId, custom2: request.reference.fanId,
      })
      return chargeResult(reply, request, feeRule, now())
    },
    refund: reversals.refund,
    status: reversals.status,
    parseNotification: createNotificationParser({ shopId: config.shopId, signatureKey: config.signatureKey }),
    // Verotel retries a postback until the body is exactly OK
    notificationAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
