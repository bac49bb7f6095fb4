/** The chart of accounts: kinds, their normal side, and whether they may go negative. Pure data. */

/**
 * Postings are signed minor units: positive = debit, negative = credit. An entry's postings sum to zero per
 * currency. An account's balance is the sum of its postings, so debit-normal accounts (assets, expenses) carry
 * positive balances and credit-normal ones (liabilities, revenue) negative balances.
 */
export const ACCOUNT_KINDS = {
  /** money a fan has loaded and not spent (we owe it to the fan) */
  fanWallet: { code: 'fan_wallet', owner: 'person', normal: 'credit', allowOverdraft: false },
  /** creator share inside the chargeback window (we owe it, not yet payable) */
  creatorPending: { code: 'creator_pending', owner: 'person', normal: 'credit', allowOverdraft: false },
  /** creator share payable at the next payout run */
  creatorAvailable: { code: 'creator_available', owner: 'person', normal: 'credit', allowOverdraft: false },
  /** referrer share of platform revenue */
  referralPayable: { code: 'referral_payable', owner: 'person', normal: 'credit', allowOverdraft: false },
  /** our cut */
  platformRevenue: { code: 'platform_revenue', owner: 'none', normal: 'credit', allowOverdraft: true },
  /** what a processor owes us for captured charges, until it settles */
  processorClearing: { code: 'processor_clearing', owner: 'processor', normal: 'debit', allowOverdraft: true },
  /** processor fees we pay */
  processorFees: { code: 'processor_fees', owner: 'processor', normal: 'debit', allowOverdraft: true },
  /** VAT / sales tax collected and owed to a tax authority (owner = jurisdiction code) */
  taxPayable: { code: 'tax_payable', owner: 'jurisdiction', normal: 'credit', allowOverdraft: true },
  /** rolling reserve held back from creators */
  reserves: { code: 'reserves', owner: 'person', normal: 'credit', allowOverdraft: false },
  /** payouts sent to a rail and not yet confirmed */
  payoutsInTransit: { code: 'payouts_in_transit', owner: 'person', normal: 'credit', allowOverdraft: false },
  /** money that left through payout rails */
  payoutsSettled: { code: 'payouts_settled', owner: 'none', normal: 'debit', allowOverdraft: true },
  /** chargebacks we lose (amount and fee we could not claw back) */
  chargebackLosses: { code: 'chargeback_losses', owner: 'none', normal: 'debit', allowOverdraft: true },
  /** what a creator owes back (a refund after their share was paid out), netted against later earnings */
  creatorReceivable: { code: 'creator_receivable', owner: 'person', normal: 'debit', allowOverdraft: true },
  /**
   * currency position: a sale in one currency whose creator share is owed in another passes through the position
   * account of each currency, so every entry still balances per currency (the rate used is kept on the entry)
   */
  fxPosition: { code: 'fx_position', owner: 'none', normal: 'debit', allowOverdraft: true },
} as const
export type AccountKind = keyof typeof ACCOUNT_KINDS
export type AccountCode = (typeof ACCOUNT_KINDS)[AccountKind]['code']

/** Identifies one ledger account: per brand, per currency, per owner where the kind has one. */
export type AccountRef = {
  kind: AccountKind
  brand: string
  currency: string
  /** person id, processor name or jurisdiction code; null for platform-wide kinds */
  owner: string | null
}

/** Stable text key of an account, used for ordering locks and for lookups: `brand:currency:code[:owner]`. */
export const accountKey = (a: AccountRef): string =>
  [a.brand, a.currency, ACCOUNT_KINDS[a.kind].code, ...(a.owner === null ? [] : [a.owner])].join(':')

export type Posting = { account: AccountRef; amount: number }

const KIND_BY_CODE = new Map(Object.entries(ACCOUNT_KINDS).map(([kind, v]) => [v.code as string, kind as AccountKind]))

/** The account kind stored under a code (ledger_accounts.kind), for turning stored postings back into refs. */
export function kindOfCode(code: string): AccountKind {
  const kind = KIND_BY_CODE.get(code)
  if (!kind) throw new Error(`unknown account code ${code}`)
  return kind
}

/** What each processor charges us per chargeback, in minor units of the sale's currency (contract terms as data). */
export const CHARGEBACK_FEES: Readonly<Record<string, number>> = Object.freeze({ ccbill: 2500, segpay: 2500, epoch: 2500, verotel: 2000, crypto: 0 })
