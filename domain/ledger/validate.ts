/** Invariants every journal entry must meet before it is posted. Pure. */
import type { Posting } from './accounts.ts'
import { CodedError } from '../coded-error.ts'

export const LEDGER_ERRORS = {
  EMPTY: 'EMPTY',
  NON_INTEGER: 'NON_INTEGER',
  UNBALANCED: 'UNBALANCED',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  NOT_A_PURCHASE: 'NOT_A_PURCHASE',
} as const
export type LedgerErrorCode = (typeof LEDGER_ERRORS)[keyof typeof LEDGER_ERRORS]

/** What the database refuses (activities/ledger/store.ts translates its errors into these), as workflows see them. */
export const LEDGER_REFUSALS = {
  insufficientFunds: 'INSUFFICIENT_FUNDS',
  unbalanced: 'UNBALANCED_ENTRY',
  immutable: 'LEDGER_IMMUTABLE',
  unknownTransfer: 'UNKNOWN_TRANSFER',
} as const
export type LedgerRefusalCode = (typeof LEDGER_REFUSALS)[keyof typeof LEDGER_REFUSALS]

export class LedgerError extends CodedError<LedgerErrorCode> {}

/** Sum of postings per currency, exact even past the safe-integer range. */
export const sumsByCurrency = (postings: readonly Posting[]): Map<string, bigint> => {
  const sums = new Map<string, bigint>()
  for (const p of postings) sums.set(p.account.currency, (sums.get(p.account.currency) ?? 0n) + BigInt(p.amount))
  return sums
}

/** Throws unless the entry has postings of safe-integer minor units that sum to zero in every currency. */
export const assertBalanced = (postings: readonly Posting[]): void => {
  if (postings.length === 0) throw new LedgerError(LEDGER_ERRORS.EMPTY, 'an entry needs postings')
  const bad = postings.find((p) => !Number.isSafeInteger(p.amount))
  if (bad) throw new LedgerError(LEDGER_ERRORS.NON_INTEGER, `posting amount ${bad.amount} is not a safe integer`)
  for (const [currency, sum] of sumsByCurrency(postings)) {
    if (sum !== 0n) throw new LedgerError(LEDGER_ERRORS.UNBALANCED, `postings in ${currency} sum to ${sum}, not 0`)
  }
}
