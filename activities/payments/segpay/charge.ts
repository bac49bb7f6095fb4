/**
 * Segpay sales through One-Click: once on the fan's earlier purchase, or as a new recurring purchase Segpay rebills
 * (Dynamic Recurring terms encrypted by SRS, the new PurchaseID read back from the transaction report).
 */
import { ApplicationFailure } from '@temporalio/common'
import { DECLINES, type ChargeRequest, type ChargeResult } from '../driver.ts'
import { estimatedFee, toMajorDecimal, type FeeRule } from './amounts.ts'
import { PASS_THROUGH, declineFor, isSegpayCurrency, splitAuthCode } from './codes.ts'
import type { createOneClickClient, OneClickReply, OneClickSale } from './one-click-client.ts'
import type { createSrsClient } from './srs-client.ts'

/** Why a charge request can never succeed: non-retryable failure types. */
export const SEGPAY_CHARGE_FAILURES = {
  unsupportedCurrency: 'SEGPAY_UNSUPPORTED_CURRENCY',
  badRequest: 'SEGPAY_BAD_REQUEST',
  recurringUnavailable: 'SEGPAY_RECURRING_UNAVAILABLE',
} as const

/** The clients and settings a charge needs. */
export type ChargeDeps = {
  oneClick: ReturnType<typeof createOneClickClient>
  srs: ReturnType<typeof createSrsClient>
  recurringPricePointId: string | undefined
  feeRule: FeeRule
  now: () => number
}

function saleOf(request: ChargeRequest): OneClickSale {
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

/** The One-Click request for a recurring purchase: the first period as long as the rebill period, priced through SRS. */
async function recurringSale(deps: ChargeDeps, request: ChargeRequest, recurring: NonNullable<ChargeRequest['recurring']>) {
  const { periodDays, rebillAmount } = recurring
  if (!deps.recurringPricePointId) {
    throw ApplicationFailure.nonRetryable('no Segpay recurring price point is configured', SEGPAY_CHARGE_FAILURES.recurringUnavailable)
  }
  if (!Number.isInteger(periodDays) || periodDays < 1 || !Number.isInteger(rebillAmount) || rebillAmount < 1) {
    throw ApplicationFailure.nonRetryable(`Segpay cannot rebill ${rebillAmount} every ${periodDays} days`, SEGPAY_CHARGE_FAILURES.badRequest)
  }
  const sale = saleOf(request)
  const priced = await deps.srs.dynamicRecurring({ initialAmount: sale.amount, initialLength: periodDays,
    recurringAmount: toMajorDecimal(rebillAmount, request.currency), recurringLength: periodDays })
  if (!priced.ok) throw ApplicationFailure.nonRetryable(`Segpay refused the recurring price: '${priced.message}'`, SEGPAY_CHARGE_FAILURES.badRequest)
  return { ...sale, recurring: { pricePointId: deps.recurringPricePointId, dynamicTrans: priced.value } }
}

/** Charges once, or opens a recurring purchase and names it (subscriptionRef: its PurchaseID, what CancelMembership takes). */
export async function charge(deps: ChargeDeps, request: ChargeRequest): Promise<ChargeResult> {
  const { recurring } = request
  const sale = recurring ? await recurringSale(deps, request, recurring) : saleOf(request)
  const result = chargeResult(await deps.oneClick.sale(sale, request.idempotencyKey), request, deps.feeRule, deps.now())
  if (!recurring || result.status !== 'approved') return result
  // One-Click answers the TransID only; the new purchase it opened is in the transaction report
  const row = (await deps.srs.transactionByTransId(result.transactionId)).find((r) => r.TransID === result.transactionId)
  if (!row?.PurchaseID) throw new Error(`Segpay approved ${result.transactionId} but its report names no PurchaseID yet`)
  return { ...result, subscriptionRef: row.PurchaseID }
}
