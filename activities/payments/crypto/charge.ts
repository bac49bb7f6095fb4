/** A crypto charge: the fan's custodial wallet pays the treasury through the router, once per idempotency key. */
import { ApplicationFailure } from '@temporalio/common'
import type { Address, Hash, Hex, LocalAccount } from 'viem'
import type { WalletCustody } from '../../chain/custody.ts'
import { revertName } from '../../chain/reverts.ts'
import { DECLINES, type ChargeRequest, type ChargeResult } from '../driver.ts'
import { assertPayable, paymentIdFor, toTokenUnits } from './amounts.ts'
import { CRYPTO_FAILURES } from './codes.ts'
import type { PaymentRecord, Rails } from './rails.ts'

type Expected = { paymentId: Hex; payer: Address; amount: bigint }

const insufficientFunds = (transactionId: string | null): ChargeResult =>
  ({ status: 'declined', transactionId, decline: DECLINES.insufficientFunds, message: 'The wallet does not hold enough stablecoin.' })

function assertSamePayment(record: PaymentRecord, expected: Expected, rails: Rails, token: Address): void {
  const same = record.payer === expected.payer && record.amount === expected.amount && record.payee === rails.treasury && record.token === token
  if (!same) {
    throw ApplicationFailure.nonRetryable(`payment ${expected.paymentId} is on the chain with other terms: the idempotency key was reused`,
      CRYPTO_FAILURES.idempotencyConflict)
  }
}

/** The driver's charge(), over the rails and the custody of fans' keys. */
export function createCharge({ rails, custody, token }: { rails: Rails; custody: WalletCustody; token: Address }) {
  /** The approval, once the router's record of the payment is as deep as configured. */
  async function settled(expected: Expected, mayBePending = false): Promise<ChargeResult> {
    const record = await rails.whenConfirmed((at) => rails.paymentRecord(expected.paymentId, at), mayBePending)
    if (!record) {
      if ((await rails.balanceOf(expected.payer)) < expected.amount) return insufficientFunds(null)
      // reverted or dropped by a reorg without a record: nothing moved, and a retry sends it anew
      throw new Error(`payment ${expected.paymentId} is not on the chain; retrying sends it again`)
    }
    assertSamePayment(record, expected, rails, token)
    return { status: 'approved', transactionId: expected.paymentId, processorFee: 0, approvedAt: await rails.blockTime(record.blockNumber) }
  }

  /** Sends the payment; PaymentExists means an earlier attempt of this charge got there first. */
  async function send(payer: LocalAccount, expected: Expected): Promise<ChargeResult | Hash> {
    try {
      return await rails.relayPayment(payer, expected.paymentId, expected.amount)
    } catch (err) {
      const reason = revertName(err)
      // the node estimates against pending transactions: the earlier attempt's may not be mined yet
      if (reason === 'PaymentExists') return settled(expected, true)
      if (reason === 'ERC20InsufficientBalance') return insufficientFunds(null)
      throw err
    }
  }

  /** Charges the fan's custodial wallet (the payment token is the fan's id); gas is the platform's, so the fee is 0. */
  return async function charge(request: ChargeRequest): Promise<ChargeResult> {
    // refused before any chain read, so the answer is permanent even while the node is down
    assertPayable(request.amount, request.currency)
    const amount = toTokenUnits(request.amount, request.currency, (await rails.token()).decimals)
    // the token comes from the client; the fan id from the session: a wallet pays only for its own owner
    const payer = request.paymentToken === request.reference.fanId ? await custody.accountFor(request.paymentToken).catch(() => null) : null
    if (!payer) {
      return { status: 'declined', transactionId: null, decline: DECLINES.invalidToken, message: 'A custodial wallet pays only for its owner.' }
    }
    const expected = { paymentId: paymentIdFor(request.idempotencyKey), payer: payer.address, amount }
    // a retry after a crash finds the payment the first attempt made, and never sends a second one
    if (await rails.paymentRecord(expected.paymentId)) return settled(expected)
    if ((await rails.balanceOf(payer.address)) < amount) return insufficientFunds(null)
    const sent = await send(payer, expected)
    if (typeof sent !== 'string') return sent
    // mined and deep enough, or reverted because a concurrent attempt paid first: the record decides either way
    await rails.confirmed(sent)
    return settled(expected)
  }
}
