/** Crypto payouts: the treasury pays a creator's address through the router, once per idempotency key (the chain refuses a second). */
import { ApplicationFailure } from '@temporalio/common'
import { BaseError, InsufficientFundsError, type Address, type Hash, type Hex } from 'viem'
import type { ChainClients } from '../../../chain/clients.ts'
import { readWhenConfirmed, waitForConfirmations, type DepthOptions } from '../../../chain/confirmations.ts'
import { revertName } from '../../../chain/reverts.ts'
import { paymentIdFor } from '../../../payments/crypto/amounts.ts'
import type { Rails } from '../../../payments/crypto/rails.ts'
import { PAYOUT_FAILURES, type PayoutFailureCode, type PayoutRequest, type PayoutState } from '../../rail.ts'
import { payableProblem, parsePayee, toTokenUnits } from './amounts.ts'
import { CRYPTO_PAYOUT_CONFLICT, CRYPTO_RAIL_CODES } from './codes.ts'
import type { Currency } from '../../../../domain/money.ts'

export type PayoutChain = {
  rails: Rails
  chain: () => Promise<ChainClients>
  token: Address
  currency: Currency
  depth: DepthOptions
  /** base units of the token per minor unit of the currency */
  scale: () => Promise<bigint>
}
type Expected = { paymentId: Hex; amount: bigint }

const failed = (failure: PayoutFailureCode, railCode: string, message: string): PayoutState =>
  ({ status: 'failed', providerRef: null, failure, railCode, message })
const tokenShort = () => failed(PAYOUT_FAILURES.insufficientFunds, CRYPTO_RAIL_CODES.tokenBalance,
  'The platform treasury holds too little stablecoin for this payout; finance must top it up.')
const gasShort = () => failed(PAYOUT_FAILURES.insufficientFunds, CRYPTO_RAIL_CODES.gasBalance,
  "The platform treasury holds too little of the chain's coin to pay the gas; finance must top it up.")
const outOfGasFunds = (err: unknown) => err instanceof BaseError && err.walk((e) => e instanceof InsufficientFundsError) instanceof InsufficientFundsError

/** The rail's send() and status(), over the crypto payment driver's rails (the same router, token and treasury). */
export function createPayouts({ rails, chain, token, currency, depth, scale }: PayoutChain) {
  /** The router's word on a payout: settled once `confirmations` deep on the canonical chain, sent while shallower. */
  async function stateOf(paymentId: Hex, expectedAmount?: bigint): Promise<PayoutState | null> {
    const record = await rails.paymentRecord(paymentId)
    if (!record) return null
    if (record.payer !== rails.treasury || record.token !== token) {
      return failed(PAYOUT_FAILURES.rejected, CRYPTO_RAIL_CODES.paymentIdTaken, `payment ${paymentId} on the router was not made by this treasury`)
    }
    // the payee may differ (the creator changed address after the first attempt paid): that payment stands
    if (expectedAmount !== undefined && record.amount !== expectedAmount) {
      throw ApplicationFailure.nonRetryable(`payout ${paymentId} is on the chain for ${record.amount} base units, not ${expectedAmount}: the idempotency key was reused`,
        CRYPTO_PAYOUT_CONFLICT)
    }
    // read again in the confirmed block's state, which the node answers from its canonical chain: reorg-safe
    const confirmed = await rails.confirmedBlock()
    const deep = record.blockNumber <= confirmed ? await rails.paymentRecord(paymentId, confirmed) : null
    if (!deep) return { status: 'sent', providerRef: paymentId }
    return { status: 'settled', providerRef: paymentId, settledAt: await rails.blockTime(deep.blockNumber) }
  }

  /** Once our transaction (or, without one, the earlier attempt's) is mined: the router's record decides either way. */
  async function outcome(expected: Expected, hash?: Hash): Promise<PayoutState> {
    const client = (await chain()).public
    const mined = { ...depth, confirmations: 1 }
    const receipt = hash ? await waitForConfirmations(client, hash, mined) : null
    if (!hash) await readWhenConfirmed(client, (at) => rails.paymentRecord(expected.paymentId, at), { ...mined, mayBePending: true })
    const state = await stateOf(expected.paymentId, expected.amount)
    if (state) return state
    // our transaction reverted for want of tokens: nothing moved. Any other absence (a reorg dropped it, and it may yet be
    // mined again) is no verdict: thrown, and the retry reads the router first
    if (receipt?.status === 'reverted' && (await rails.balanceOf(rails.treasury)) < expected.amount) return tokenShort()
    throw new Error(`payout ${expected.paymentId} is not on the chain; retrying sends it again`)
  }

  /** Approves the router once, then sends pay(); PaymentExists means an earlier attempt of this payout got there first. */
  async function pay(expected: Expected, payee: Address): Promise<PayoutState | Hash> {
    try {
      await rails.allowRefunds(expected.amount)
      return await rails.payFromTreasury(expected.paymentId, payee, expected.amount)
    } catch (err) {
      const reason = revertName(err)
      // the node estimates against pending transactions: the earlier attempt's may not be mined yet
      if (reason === 'PaymentExists') return outcome(expected)
      if (reason === 'ERC20InsufficientBalance') return tokenShort()
      if (outOfGasFunds(err)) return gasShort()
      throw err
    }
  }

  return {
    /** Pays the creator's address; `sent` once mined (providerRef: the payment id), `settled` when already deep enough. */
    async send(request: PayoutRequest): Promise<PayoutState> {
      const { destination } = request
      if (destination.rail !== 'crypto') return failed(PAYOUT_FAILURES.unsupported, CRYPTO_RAIL_CODES.unsupported, `crypto cannot pay a ${destination.rail} destination`)
      const problem = payableProblem(request.amount, request.currency, currency)
      if (problem) return failed(PAYOUT_FAILURES.unsupported, CRYPTO_RAIL_CODES.unsupported, problem)
      const expected = { paymentId: paymentIdFor(request.idempotencyKey), amount: toTokenUnits(request.amount, await scale()) }
      // a retry (after a crash, a timeout, or a change of address, even to a bad one) finds the first attempt's payment
      const earlier = await stateOf(expected.paymentId, expected.amount)
      if (earlier) return earlier
      const payee = parsePayee(destination.address, rails.treasury)
      if ('problem' in payee) return failed(PAYOUT_FAILURES.invalidAccount, CRYPTO_RAIL_CODES.invalidAddress, payee.problem)
      if ((await rails.balanceOf(rails.treasury)) < expected.amount) return tokenShort()
      const sent = await pay(expected, payee.address)
      return typeof sent === 'string' ? outcome(expected, sent) : sent
    },

    /** What the router holds under the key's payment id; null when nothing (never sent, reverted, or dropped by a reorg). */
    status: (idempotencyKey: string) => stateOf(paymentIdFor(idempotencyKey)),
  }
}
