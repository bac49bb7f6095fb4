/** Creator payouts as balanced journal entries: sending, settling, returns, the rolling reserve and netting. Pure. */
import type { AccountKind } from './accounts.ts'
import { entry, post, type Book, type Entry } from './templates.ts'
import { LEDGER_ERRORS, LedgerError } from './validate.ts'

/** What every payout entry needs: the books, the creator, a positive amount in minor units, and why (optional). */
export type PayoutEntryInput = Book & { creatorId: string; amount: number; reason?: string }

/** A payout entry builder; activities pick one per step of a payout. */
export type PayoutTemplate = (i: PayoutEntryInput) => Entry

type Leg = { kind: AccountKind; creatorOwned: boolean }

const creatorLeg = (kind: AccountKind): Leg => ({ kind, creatorOwned: true })
const platformLeg = (kind: AccountKind): Leg => ({ kind, creatorOwned: false })

/** One debit and one credit of the same positive amount; zero, negative and fractional amounts are refused. */
const move = (debit: Leg, credit: Leg, describe: (i: PayoutEntryInput) => string): PayoutTemplate => (i) => {
  if (!Number.isSafeInteger(i.amount) || i.amount <= 0) {
    throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, `payout amount ${i.amount} is not a positive integer of minor units`)
  }
  const owner = (leg: Leg) => (leg.creatorOwned ? i.creatorId : null)
  const reason = i.reason?.trim() ? `: ${i.reason.trim()}` : ''
  return entry([post(i, debit.kind, owner(debit), i.amount), post(i, credit.kind, owner(credit), -i.amount)], `${describe(i)}${reason}`)
}

/** A payout handed to a rail: it leaves the creator's available balance and waits in transit until the rail confirms. */
export const payoutSentTemplate = move(creatorLeg('creatorAvailable'), creatorLeg('payoutsInTransit'),
  (i) => `payout of ${i.amount} to creator ${i.creatorId} sent`)

/** The rail confirmed the payout: the money has left the platform. */
export const payoutSettledTemplate = move(creatorLeg('payoutsInTransit'), platformLeg('payoutsSettled'),
  (i) => `payout of ${i.amount} to creator ${i.creatorId} settled`)

/** The payout came back (closed account, refused): the money is the creator's to be paid again. */
export const payoutReturnedTemplate = move(creatorLeg('payoutsInTransit'), creatorLeg('creatorAvailable'),
  (i) => `payout of ${i.amount} to creator ${i.creatorId} returned`)

/** Part of a payout kept back in the rolling reserve against late chargebacks. */
export const reserveHoldTemplate = move(creatorLeg('creatorAvailable'), creatorLeg('reserves'),
  (i) => `reserve of ${i.amount} held from creator ${i.creatorId}`)

/** A reserve past its holding period becomes payable again. */
export const reserveReleaseTemplate = move(creatorLeg('reserves'), creatorLeg('creatorAvailable'),
  (i) => `reserve of ${i.amount} released to creator ${i.creatorId}`)

/** What the creator owes (a late chargeback or refund after a payout) settled out of their available balance. */
export const receivableNettingTemplate = move(creatorLeg('creatorAvailable'), creatorLeg('creatorReceivable'),
  (i) => `${i.amount} owed by creator ${i.creatorId} netted from available earnings`)
