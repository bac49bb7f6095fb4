/** The Epoch driver: one-click sales on the member's stored card, credits and status over Customer Search, Data Plus postbacks. */
import { ApplicationFailure } from '@temporalio/common'
import { PROCESSORS, type ChargeRequest, type ChargeResult, type ProcessorDriver } from '../driver.ts'
import { DEFAULT_FEE_RULE, estimatedFee, toMajorDecimal, type FeeRule } from './amounts.ts'
import { createCamchargeClient, type CamchargeReply } from './camcharge-client.ts'
import { declineFor, isEpochCurrency, type EpochCurrency } from './codes.ts'
import { createCustomerSearchClient } from './customer-search-client.ts'
import { createNotificationParser } from './notifications.ts'
import { createReversals } from './reversals.ts'

export type EpochDriverConfig = {
  /** https://wnu.com (camcharge), or the local sandbox */
  apiBaseUrl: string
  /** https://epoch.com (Customer Search API), or the local sandbox */
  csaBaseUrl: string
  /** the company code Epoch assigned */
  coCode: string
  /** the HMAC key behind every epoch_digest, ours and Epoch's (secret) */
  hmacKey: string
  /** the Customer Search API login granted to our servers, and its password (secret) */
  csaUsername: string
  csaPassword: string
  /** currency of Data Plus amounts that name none; default USD */
  settlementCurrency?: EpochCurrency
  /** default 24 h (Data Plus runs about 15 minutes behind) */
  maxNotificationAgeMs?: number
  /** default 15 %: the fee we book at approval; Epoch's statement has the real one */
  feeRule?: FeeRule
  fetch?: typeof fetch
  now?: () => number
}

export const EPOCH_CHARGE_FAILURES = { unsupportedCurrency: 'EPOCH_UNSUPPORTED_CURRENCY' } as const

const DAY_MS = 24 * 60 * 60 * 1000

function chargeResult(reply: CamchargeReply, request: ChargeRequest, feeRule: FeeRule, now: number): ChargeResult {
  // after the '|' merchants have seen the member (order) id, not the transaction: only transaction_id names the sale
  const verdict = reply.ans.split('|')[0]?.trim() ?? ''
  const transactionId = reply.transaction_id
  if (verdict.startsWith('Y')) {
    if (!transactionId) throw new Error('Epoch approved the charge without a transaction_id')
    return { status: 'approved', transactionId, processorFee: estimatedFee(request.amount, feeRule), approvedAt: new Date(now).toISOString() }
  }
  if (!verdict.startsWith('N')) throw new Error(`Epoch answered ans '${reply.ans}', neither Y nor N`)
  return { status: 'declined', transactionId: reply.transaction_id || null, decline: declineFor(verdict), message: verdict.slice(1) || 'Declined by Epoch' }
}

/** A ProcessorDriver for Epoch; it holds no state between calls. */
export function createEpochDriver(config: EpochDriverConfig): ProcessorDriver {
  const doFetch = config.fetch ?? globalThis.fetch
  const now = config.now ?? Date.now
  const feeRule = config.feeRule ?? DEFAULT_FEE_RULE
  const camcharge = createCamchargeClient({ apiBaseUrl: config.apiBaseUrl, coCode: config.coCode, hmacKey: config.hmacKey, fetch: doFetch })
  const reversals = createReversals(createCustomerSearchClient({
    csaBaseUrl: config.csaBaseUrl, username: config.csaUsername, password: config.csaPassword, hmacKey: config.hmacKey, fetch: doFetch,
  }))
  const parseNotification = createNotificationParser({
    coCode: config.coCode, hmacKey: config.hmacKey, maxNotificationAgeMs: config.maxNotificationAgeMs ?? DAY_MS,
    settlementCurrency: config.settlementCurrency ?? 'USD',
  })
  return {
    name: PROCESSORS.epoch,
    async charge(request) {
      if (!isEpochCurrency(request.currency)) {
        throw ApplicationFailure.nonRetryable(`Epoch does not bill in ${request.currency}`, EPOCH_CHARGE_FAILURES.unsupportedCurrency)
      }
      const reply = await camcharge.charge({
        // the fan's paymentToken is their Epoch member id: camcharge bills the card on file for that member
        member_id: request.paymentToken, auth_amount: toMajorDecimal(request.amount, request.currency),
        currency: request.currency, description: request.description,
        // x_ fields come back in Epoch's postbacks: that is how a notification finds its workflow
        x_workflow_id: request.reference.workflowId, x_fan_id: request.reference.fanId, x_idempotency_key: request.idempotencyKey,
      }, request.idempotencyKey)
      return chargeResult(reply, request, feeRule, now())
    },
    refund: reversals.refund,
    status: reversals.status,
    parseNotification,
    // Epoch wants a plain 200; anything else is retried
    notificationAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
