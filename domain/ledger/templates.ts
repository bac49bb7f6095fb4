/** Business events turned into balanced journal entries (postings: debit > 0, credit < 0). Pure. */
import { convert, mulDiv } from '../money.ts'
import type { RevenueSplit } from '../revenue-split.ts'
import type { AccountKind, Posting } from './accounts.ts'
import { assertBalanced, LEDGER_ERRORS, LedgerError } from './validate.ts'

export type Entry = { postings: Posting[]; memo: string }

/** The parts of a revenue split a sale entry records. */
export type SaleSplit = Pick<RevenueSplit, 'currency' | 'gross' | 'tax' | 'creator' | 'referral' | 'platform' | 'processorFee'>

export type SaleInput = {
  brand: string
  currency: string
  fanId: string
  creatorId: string
  /** processor name, owner of the clearing and fee accounts */
  processor: string
  /** tax authority code, owner of the tax payable account */
  jurisdiction: string
  split: SaleSplit
  /** the shares in the brand's settlement currency (default: the sale's currency, unconverted) */
  settled?: SettledShares
}

/** The books an entry is kept in: one brand, one currency. */
export type Book = { brand: string; currency: string }

/** Where the creator's share of a sale is owed when the brand settles in another currency, and the day's rate. */
export type Settlement = { currency: string; rate: string; asOf: string; source: string }
/** The creator and referral shares in the currency they are owed in; `fx` is null when no conversion happened. */
export type SettledShares = { currency: string; creator: number; referral: number; fx: (Settlement & { from: string }) | null }

/** Converts a split's creator and referral shares into the settlement currency (half-even each), or keeps them. */
export const settleShares = (split: SaleSplit, settlement: Settlement | null): SettledShares => {
  const referral = split.referral?.amount ?? 0
  if (!settlement || settlement.currency === split.currency) return { currency: split.currency, creator: split.creator, referral, fx: null }
  const to = (amount: number) => convert(amount, split.currency, settlement.currency, settlement.rate).amount
  return { currency: settlement.currency, creator: to(split.creator), referral: to(referral), fx: { ...settlement, from: split.currency } }
}

/** One posting on the book's account of `kind` owned by `owner` (debit > 0, credit < 0). */
export const post = (book: Book, kind: AccountKind, owner: string | null, amount: number): Posting =>
  ({ account: { kind, brand: book.brand, currency: book.currency, owner }, amount })

const amountOf = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, `${what} ${value} is not a non-negative integer of minor units`)
  }
  return value
}

/** Drops zero postings and checks the balance, so no template can emit a broken entry. */
export const entry = (postings: Posting[], memo: string): Entry => {
  const kept = postings.filter((p) => p.amount !== 0)
  assertBalanced(kept)
  return { postings: kept, memo }
}

const salePostings = (i: SaleInput): Posting[] => {
  const s = i.split
  if (s.currency !== i.currency) {
    throw new LedgerError(LEDGER_ERRORS.CURRENCY_MISMATCH, `split in ${s.currency} booked in ${i.currency}`)
  }
  const fee = amountOf(s.processorFee, 'processor fee')
  const settled = i.settled ?? settleShares(s, null)
  const owed = { brand: i.brand, currency: settled.currency }
  const converted = settled.currency !== i.currency
  const shares = amountOf(s.creator, 'creator share') + (s.referral ? amountOf(s.referral.amount, 'referral share') : 0)
  return [
    post(i, 'processorClearing', i.processor, amountOf(s.gross, 'gross')),
    post(owed, 'creatorPending', i.creatorId, -amountOf(settled.creator, 'settled creator share')),
    ...(s.referral ? [post(owed, 'referralPayable', s.referral.referrerId, -amountOf(settled.referral, 'settled referral share'))] : []),
    // a share owed in another currency leaves the sale's currency and enters the settlement currency through the positions
    ...(converted ? [post(i, 'fxPosition', null, -shares), post(owed, 'fxPosition', null, settled.creator + settled.referral)] : []),
    post(i, 'platformRevenue', null, -amountOf(s.platform, 'platform share')),
    post(i, 'taxPayable', i.jurisdiction, -amountOf(s.tax, 'tax')),
    // the processor nets its fee out of the settlement
    post(i, 'processorFees', i.processor, fee),
    post(i, 'processorClearing', i.processor, -fee),
  ]
}

/** A fan's card purchase: the processor owes us gross, less its fee; the creator's share waits in pending. */
export const purchaseTemplate = (i: SaleInput): Entry =>
  entry(salePostings(i), `purchase by fan ${i.fanId} from creator ${i.creatorId} via ${i.processor}`)

/** A tip books like a purchase, without an entitlement. */
export const tipTemplate = (i: SaleInput): Entry =>
  entry(salePostings(i), `tip from fan ${i.fanId} to creator ${i.creatorId} via ${i.processor}`)

/**
 * A collectible sold and minted: booked like a purchase, with the mint fee (gas and custody) taken from the creator's
 * pending share into platform revenue, both in the settlement currency. The fee never exceeds the share.
 */
export const collectibleSaleTemplate = (i: SaleInput & { mintFee: number }): Entry => {
  const settled = i.settled ?? settleShares(i.split, null)
  const fee = Math.min(amountOf(i.mintFee, 'mint fee'), settled.creator)
  const owed = { brand: i.brand, currency: settled.currency }
  // one net creator posting (share less fee): refunds and chargebacks find the single creator share they reverse
  const postings = salePostings(i).map((p) => p.account.kind === 'creatorPending' ? { ...p, amount: p.amount + fee } : p)
  return entry([...postings, post(owed, 'platformRevenue', null, -fee)],
    `collectible bought by fan ${i.fanId} from creator ${i.creatorId} via ${i.processor}, mint fee ${fee}`)
}

/** The chargeback window has passed: the creator's share becomes payable. */
export const releasePendingTemplate = (i: Book & { creatorId: string; amount: number }): Entry => {
  if (amountOf(i.amount, 'released amount') === 0) throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, 'nothing to release')
  return entry([post(i, 'creatorPending', i.creatorId, i.amount), post(i, 'creatorAvailable', i.creatorId, -i.amount)],
    `release pending earnings of creator ${i.creatorId}`)
}

/** Negates every posting: the entry that cancels another. */
export const reversalOf = (postings: readonly Posting[]): Posting[] =>
  postings.map((p) => ({ account: { ...p.account }, amount: 0 - p.amount }))

const isProcessorFee = (p: Posting) =>
  p.account.kind === 'processorFees' || (p.account.kind === 'processorClearing' && p.amount < 0)

/** The reversal of a purchase entry without its fee pair (the processor keeps its fee) unless the fee comes back. */
const saleReversal = (original: readonly Posting[], feeRefunded: boolean, stillPending: boolean): Posting[] => {
  assertBalanced(original)
  if (!original.some((p) => p.account.kind === 'processorClearing' && p.amount > 0)) {
    throw new LedgerError(LEDGER_ERRORS.NOT_A_PURCHASE, 'the original entry has no processor charge to reverse')
  }
  const reversed = reversalOf(feeRefunded ? original : original.filter((p) => !isProcessorFee(p)))
  // once released, the creator's share is clawed back from what is payable instead
  return reversed.map((p) => (p.account.kind === 'creatorPending' && !stillPending
    ? { account: { ...p.account, kind: 'creatorAvailable' }, amount: p.amount } : p))
}

const isCreatorShare = (p: Posting) => p.account.kind === 'creatorPending' || p.account.kind === 'creatorAvailable'

/**
 * Splits a reversal's creator posting into what the creator's account gives back (`clawback`, default all) and the
 * remainder, booked (in the creator's currency) against the `rest` account kind.
 */
const takeBackShare = (reversed: Posting[], clawback: number | undefined, rest: AccountKind, restOwner: (creator: Posting) => string | null) => {
  const creatorPostings = reversed.filter(isCreatorShare)
  if (creatorPostings.length > 1) throw new LedgerError(LEDGER_ERRORS.NOT_A_PURCHASE, 'a purchase pays one creator share')
  const creator = creatorPostings[0]
  const share = creator?.amount ?? 0
  const taken = amountOf(clawback ?? share, 'clawback')
  if (taken > share) throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, `clawback ${taken} exceeds the share ${share}`)
  // the creator posting keeps its place; the remainder follows it
  const postings = reversed.flatMap((p) => (p !== creator ? [p]
    : [{ account: p.account, amount: taken }, { account: { ...p.account, kind: rest, owner: restOwner(p) }, amount: share - taken }]))
  return { postings, share, taken }
}

export type RefundInput = {
  original: readonly Posting[]
  feeRefunded: boolean
  creatorShareStillPending?: boolean
  /** what the creator's account can give back (default: the whole share); the rest the creator owes us (receivable) */
  clawbackFromCreator?: number
}

/** A refund to the fan: the purchase undone, creator share from pending (default) or available, any shortfall owed by the creator. */
export const refundTemplate = (i: RefundInput): Entry => {
  const reversed = saleReversal(i.original, i.feeRefunded, i.creatorShareStillPending ?? true)
  const { postings, share, taken } = takeBackShare(reversed, i.clawbackFromCreator, 'creatorReceivable', (c) => c.account.owner)
  return entry(postings, `refund of a purchase; processor fee ${i.feeRefunded ? 'refunded' : 'kept by the processor'}`
    + (taken < share ? `; ${share - taken} of the creator share ${share} owed back by the creator` : ''))
}

export type ChargebackInput = {
  original: readonly Posting[]
  creatorShareStillPending: boolean
  /** what can be taken back from the creator (default: the whole share); the rest is our loss */
  clawbackFromCreator?: number
  /** the processor's chargeback fee, in minor units */
  chargebackFee: number
}

/** A chargeback: the sale undone (the processor keeps its fee), unrecovered creator share and the fee are our losses. */
export const chargebackTemplate = (i: ChargebackInput): Entry => {
  const reversed = saleReversal(i.original, false, i.creatorShareStillPending)
  const { postings, share, taken } = takeBackShare(reversed, i.clawbackFromCreator, 'chargebackLosses', () => null)
  const clearing = reversed.find((p) => p.account.kind === 'processorClearing')
  if (!clearing) throw new LedgerError(LEDGER_ERRORS.NOT_A_PURCHASE, 'no processor charge to reverse')
  const book = clearing.account
  const fee = amountOf(i.chargebackFee, 'chargeback fee')
  return entry([
    ...postings,
    post(book, 'chargebackLosses', null, fee),
    post(book, 'processorClearing', book.owner, -fee),
  ], `chargeback; ${taken} of creator share ${share} clawed back, fee ${fee}`)
}

/**
 * Part of a sale given back (e.g. the unused days of a cancelled subscription period): every leg of the sale's
 * reversal (the processor keeps its fee) scaled by refund / gross, half-even; the rounding remainder of each currency
 * goes to the platform's (or the currency position's) leg, so the fan gets exactly the refund and each currency balances.
 */
export const partialRefundTemplate = (i: { original: readonly Posting[]; refund: number; creatorShareStillPending: boolean }): Entry => {
  const reversed = saleReversal(i.original, false, i.creatorShareStillPending)
  const gross = reversed.find((p) => p.account.kind === 'processorClearing')!.amount * -1
  const refund = amountOf(i.refund, 'refund')
  if (refund === 0 || refund > gross) throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, `refund ${refund} must be in 1..${gross}`)
  const scaled = reversed.map((p) => ({ account: { ...p.account }, amount: mulDiv(p.amount, refund, gross, 'half-even') }))
  for (const currency of new Set(scaled.map((p) => p.account.currency))) {
    const legs = scaled.filter((p) => p.account.currency === currency)
    const rest = legs.reduce((s, p) => s + p.amount, 0)
    // the fan gets exactly the refund: the platform (or the currency position) absorbs the rounding
    const absorber = legs.find((p) => p.account.kind === 'platformRevenue' || p.account.kind === 'fxPosition')
      ?? legs.filter((p) => p.account.kind !== 'processorClearing').reduce((a, b) => (Math.abs(b.amount) > Math.abs(a.amount) ? b : a))
    if (rest !== 0) absorber.amount -= rest
  }
  return entry(scaled, `partial refund of ${refund} of a sale of ${gross}`)
}
