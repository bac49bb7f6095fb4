/** Business events turned into balanced journal entries (postings: debit > 0, credit < 0). Pure. */
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
}

type Book = { brand: string; currency: string }

const post = (book: Book, kind: AccountKind, owner: string | null, amount: number): Posting =>
  ({ account: { kind, brand: book.brand, currency: book.currency, owner }, amount })

const amountOf = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, `${what} ${value} is not a non-negative integer of minor units`)
  }
  return value
}

/** Drops zero postings and checks the balance, so no template can emit a broken entry. */
const entry = (postings: Posting[], memo: string): Entry => {
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
  return [
    post(i, 'processorClearing', i.processor, amountOf(s.gross, 'gross')),
    post(i, 'creatorPending', i.creatorId, -amountOf(s.creator, 'creator share')),
    ...(s.referral ? [post(i, 'referralPayable', s.referral.referrerId, -amountOf(s.referral.amount, 'referral share'))] : []),
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

/** A refund to the fan: the purchase undone, creator share from pending (default) or available. */
export const refundTemplate = (i: { original: readonly Posting[]; feeRefunded: boolean; creatorShareStillPending?: boolean }):
  Entry => entry(saleReversal(i.original, i.feeRefunded, i.creatorShareStillPending ?? true),
  `refund of a purchase; processor fee ${i.feeRefunded ? 'refunded' : 'kept by the processor'}`)

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
  const isCreator = (p: Posting) => p.account.kind === 'creatorPending' || p.account.kind === 'creatorAvailable'
  const creatorPostings = reversed.filter(isCreator)
  if (creatorPostings.length > 1) throw new LedgerError(LEDGER_ERRORS.NOT_A_PURCHASE, 'a purchase pays one creator share')
  const share = creatorPostings.reduce((s, p) => s + p.amount, 0)
  const clawback = amountOf(i.clawbackFromCreator ?? share, 'clawback')
  if (clawback > share) throw new LedgerError(LEDGER_ERRORS.INVALID_AMOUNT, `clawback ${clawback} exceeds the share ${share}`)
  const clearing = reversed.find((p) => p.account.kind === 'processorClearing')
  if (!clearing) throw new LedgerError(LEDGER_ERRORS.NOT_A_PURCHASE, 'no processor charge to reverse')
  const book = clearing.account
  const fee = amountOf(i.chargebackFee, 'chargeback fee')
  const creator = creatorPostings[0]
  return entry([
    ...reversed.filter((p) => !isCreator(p)),
    ...(creator ? [{ account: creator.account, amount: clawback }] : []),
    post(book, 'chargebackLosses', null, share - clawback),
    post(book, 'chargebackLosses', null, fee),
    post(book, 'processorClearing', book.owner, -fee),
  ], `chargeback; ${clawback} of creator share ${share} clawed back, fee ${fee}`)
}
