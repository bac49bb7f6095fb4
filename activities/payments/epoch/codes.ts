/** Epoch's wire vocabulary (camcharge `ans`, Data Plus transaction types, Customer Search API) mapped to ours. */
import { DECLINES, type DeclineCode, type ProcessorEvent } from '../driver.ts'

/** Currencies we let Epoch bill in; Epoch's own list is not public, so this is our assumption. USDC is not one. */
export const EPOCH_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'] as const
export type EpochCurrency = (typeof EPOCH_CURRENCIES)[number]
export const isEpochCurrency = (c: string): c is EpochCurrency => (EPOCH_CURRENCIES as readonly string[]).includes(c)

/** `ets_transaction_type` letters of the Data Plus guide (EpochTransStats) that the sandbox writes. */
export const DATAPLUS_TYPES = {
  nonRecurring: 'O', initialRecurring: 'I', paidTrial: 'T', trialConversion: 'U', rebill: 'N',
  deniedTrialConversion: 'J', cancelledTrial: 'K', credit: 'C', chargeback: 'D', returnedCheck: 'X',
} as const

/**
 * The types we consume. Data Plus has no void of its own: a credit before settlement is still a 'C', which is
 * why every 'C' is a refund to us. Any other letter ('F', a free trial, moves no money) is kept as 'other'.
 */
export const EVENT_TYPES: Readonly<Record<string, ProcessorEvent['type']>> = {
  O: 'sale', I: 'sale', T: 'sale', U: 'rebill', N: 'rebill', J: 'rebill_failed', K: 'cancellation',
  C: 'refund', D: 'chargeback', X: 'chargeback',
}

/**
 * camcharge answers `ans` = 'Y<approval code>|<transaction id>' or 'N<reason>'. Epoch documents the Y/N prefix;
 * it does not publish its reason words, so these are the sandbox's, with a fallback on the wording below.
 */
export const DECLINE_ANSWERS = {
  insufficientFunds: 'NINSUFFICIENTFUNDS', expiredCard: 'NEXPIREDCARD', fraud: 'NFRAUDSCRUB',
  declined: 'NDECLINED', memberNotFound: 'NMEMBERNOTFOUND',
} as const

const DECLINE_BY_ANSWER: Record<string, DeclineCode> = {
  [DECLINE_ANSWERS.insufficientFunds]: DECLINES.insufficientFunds,
  [DECLINE_ANSWERS.expiredCard]: DECLINES.expiredCard,
  [DECLINE_ANSWERS.fraud]: DECLINES.fraudSuspected,
  [DECLINE_ANSWERS.declined]: DECLINES.cardDeclined,
  [DECLINE_ANSWERS.memberNotFound]: DECLINES.invalidToken,
}

/** Maps a declining `ans` onto our decline, by the exact answer first, then by its wording. */
export function declineFor(ans: string): DeclineCode {
  const reason = ans.split('|')[0]?.trim().toUpperCase() ?? ''
  const exact = DECLINE_BY_ANSWER[reason]
  if (exact) return exact
  if (/INSUFFICIENT|NSF/.test(reason)) return DECLINES.insufficientFunds
  if (/EXPIRED/.test(reason)) return DECLINES.expiredCard
  if (/FRAUD|STOLEN|LOST|PICKUP|RISK|SCRUB/.test(reason)) return DECLINES.fraudSuspected
  if (/MEMBER|CANCELLED|NOTFOUND/.test(reason)) return DECLINES.invalidToken
  return DECLINES.cardDeclined
}

/** Customer Search API: the credit reason 'Webmaster Approved' and the answers we act on. */
export const CREDIT_REASON = 'wmapprvd'
export const CSA_STATUS = { success: 'Success', failure: 'Failure' } as const
export const CSA_ERRORS = {
  badAuth: 'NINVALIDAUTH', notFound: 'NTRANSNOTFOUND', alreadyCredited: 'NALREADYCREDITED',
  chargedBack: 'NCHARGEDBACK', badAmount: 'NINVALIDAMOUNT', badAction: 'NINVALIDACTION',
} as const
/** How the credit answer says Epoch reversed the sale: voided before settlement or credited after. */
export const CREDIT_TYPES = { void: 'void', credit: 'credit' } as const
