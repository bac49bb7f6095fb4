/** Crypto refunds and status: the treasury pays back through the router, once per refund key, never beyond the payment. */
import { ApplicationFailure } from '@temporalio/common'
import type { Hash, Hex } from 'viem'
import type { RefundRequest, RefundResult, TransactionStatus } from '../driver.ts'
import { revertName } from '../../chain/reverts.ts'
import { assertPayable, isPaymentId, refundIdFor, toTokenUnits } from './amounts.ts'
import { CRYPTO_FAILURES } from './codes.ts'
import type { Rails } from './rails.ts'

type Expected = { paymentId: Hex; refundId: Hex; amount: bigint }

const exceeds = (paymentId: Hex, refundable?: bigint) => ApplicationFailure.nonRetryable(
  `refund exceeds what is left of payment ${paymentId}${refundable === undefined ? '' : ` (${refundable} token units)`}`,
  CRYPTO_FAILURES.refundExceedsPayment)

/** The driver's refund() and status(), over the rails. */
export function createReversals(rails: Rails) {
  /** The result, once the router's record of the refund is as deep as configured. */
  async function settled(expected: Expected, mayBePending = false): Promise<RefundResult> {
    const record = await rails.whenConfirmed((at) => rails.refundRecord(expected.refundId, at), mayBePending)
    if (!record) throw new Error(`refund ${expected.refundId} is not on the chain; retrying sends it again`)
    if (record.paymentId !== expected.paymentId || record.amount !== expected.amount) {
      throw ApplicationFailure.nonRetryable(`refund ${expected.refundId} is on the chain with other terms: the idempotency key was reused`,
        CRYPTO_FAILURES.idempotencyConflict)
    }
    // gas is the platform's and is never returned; the processor fee we booked was 0
    return { status: 'refunded', refundId: expected.refundId, feeRefunded: false }
  }

  /** Checks what the router would refuse anyway, so the caller gets a permanent failure instead of a revert. */
  async function checkRefundable(expected: Expected): Promise<void> {
    const payment = await rails.paymentRecord(expected.paymentId)
    if (!payment) throw ApplicationFailure.nonRetryable(`no crypto payment ${expected.paymentId}`, CRYPTO_FAILURES.unknownTransaction)
    if (payment.payee !== rails.treasury) {
      throw ApplicationFailure.nonRetryable(`payment ${expected.paymentId} went to ${payment.payee}, not to this treasury`, CRYPTO_FAILURES.otherPayee)
    }
    if (payment.refunded + expected.amount > payment.amount) throw exceeds(expected.paymentId, payment.amount - payment.refunded)
  }

  async function send(expected: Expected): Promise<RefundResult | Hash> {
    try {
      return await rails.sendRefund(expected.paymentId, expected.refundId, expected.amount)
    } catch (err) {
      const reason = revertName(err)
      // the node estimates against pending transactions: the earlier attempt's may not be mined yet
      if (reason === 'RefundExists') return settled(expected, true)
      // another refund of this payment got in between our check and our send
      if (reason === 'RefundExceedsPayment') throw exceeds(expected.paymentId)
      if (reason === 'ERC20InsufficientBalance') throw new Error(`the treasury ${rails.treasury} holds too little stablecoin for this refund`)
      throw err
    }
  }

  return {
    /** Pays `amount` of a payment back to the wallet it came from; the same key never pays twice. */
    async refund(request: RefundRequest): Promise<RefundResult> {
      if (!isPaymentId(request.transactionId)) {
        throw ApplicationFailure.nonRetryable(`${request.transactionId} is not a crypto payment id`, CRYPTO_FAILURES.unknownTransaction)
      }
      // refused before any chain read, so the answer is permanent even while the node is down
      assertPayable(request.amount, request.currency)
      const amount = toTokenUnits(request.amount, request.currency, (await rails.token()).decimals)
      const expected = { paymentId: request.transactionId, refundId: refundIdFor(request.idempotencyKey), amount }
      if (await rails.refundRecord(expected.refundId)) return settled(expected)
      await checkRefundable(expected)
      await rails.allowRefunds(amount)
      const sent = await send(expected)
      if (typeof sent !== 'string') return sent
      await rails.confirmed(sent)
      return settled(expected)
    },

    /** What the chain says, counting only what is as deep as configured: a payment still settling is 'unknown'. */
    async status(transactionId: string): Promise<TransactionStatus> {
      if (!isPaymentId(transactionId)) return { transactionId, state: 'unknown' }
      const record = await rails.paymentRecord(transactionId, await rails.confirmedBlock())
      if (!record) return { transactionId, state: 'unknown' }
      return { transactionId, state: record.refunded > 0n ? 'refunded' : 'approved' }
    },
  }
}
