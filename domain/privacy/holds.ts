/** Legal holds: which records an erasure must keep, why, and until when. Pure: callers pass the facts and the time. */
export const HOLD_KINDS = ['records_2257', 'chargeback', 'tax', 'litigation'] as const
export type HoldKind = (typeof HOLD_KINDS)[number]

export const DATA_CATEGORIES = ['account', 'profile', 'sessions', 'consents', 'kyc', 'performer_records', 'media', 'purchases', 'payment_methods',
  'subscriptions', 'payouts', 'tax_forms', 'ledger', 'collectibles', 'mail', 'audit', 'workflow_histories'] as const
export type DataCategory = (typeof DATA_CATEGORIES)[number]

export const DEFAULT_RETENTION = { records2257Years: 7, taxYears: 7, disputeWindowDays: 120 }

export type HoldFacts = {
  /** 28 CFR 75.4: kept 7 years from creation or last amendment */
  performerRecords: { id: string; lastAmendedAt: Date }[]
  /** a creator's age and identity verification, part of the 2257 record when the person has performer records */
  kycCases: { id: string; decidedAt: Date | null }[]
  /** disputes still open: held until closed */
  openChargebacks: { id: string; openedAt: Date }[]
  /** purchases still inside the card-network dispute window */
  recentPurchases: { id: string; at: Date }[]
  /** tax: kept for years after the end of the calendar year of the last payout */
  payouts: { lastPaidAt: Date } | null
  /** set by compliance; until null = until released */
  litigation: { id: string; reason: string; until: Date | null }[]
}

export type Hold = { kind: HoldKind; ref: string; reason: string; until: Date | null; categories: DataCategory[] }

/**
 * What each kind of hold keeps. Card data is the processor's, so a dispute keeps our purchase records, not payment
 * methods. 2257 keeps the records (identity, age proof, the depiction index naming each depiction), not the depictions:
 * an erased performer's content comes down.
 */
export const HOLD_COVERS: Record<HoldKind, readonly DataCategory[]> = {
  records_2257: ['performer_records', 'kyc'],
  chargeback: ['purchases', 'subscriptions', 'audit', 'ledger'],
  tax: ['payouts', 'tax_forms', 'ledger'],
  litigation: DATA_CATEGORIES,
}

const DAY_MS = 86_400_000
const day = (d: Date) => d.toISOString().slice(0, 10)
// 29 February plus whole years lands on 1 March: a day late, never a day early
const addYearsUtc = (d: Date, years: number) => {
  const out = new Date(d.getTime())
  out.setUTCFullYear(out.getUTCFullYear() + years)
  return out
}
const LEGAL_CLAIMS = 'GDPR Art. 17(3)(e); Cal. Civ. Code 1798.145(a)'
const LEGAL_OBLIGATION = 'GDPR Art. 17(3)(b); Cal. Civ. Code 1798.105(d)'

/** The holds in force at `now`, one per kind and ref, each with a reason citing the law. */
export function evaluateHolds(facts: HoldFacts, now: Date, retention = DEFAULT_RETENTION): Hold[] {
  const found: Omit<Hold, 'categories'>[] = []
  const years2257 = retention.records2257Years
  const records = facts.performerRecords.map((r) => ({ ...r, until: addYearsUtc(r.lastAmendedAt, years2257) }))
  for (const r of records) {
    found.push({ kind: 'records_2257', ref: r.id, until: r.until, reason: `Performer record ${r.id} (18 U.S.C. 2257) is kept ${years2257} years from its last amendment on ${day(r.lastAmendedAt)}, until ${day(r.until)} (28 CFR 75.4; ${LEGAL_OBLIGATION}).` })
  }
  // the ID check is part of the 2257 records it backs: kept as long as the newest of them, and never less than the period from its own decision
  const recordsEnd = Math.max(...records.map((r) => r.until.getTime()))
  for (const k of records.length > 0 ? facts.kycCases : []) {
    const until = new Date(Math.max(recordsEnd, k.decidedAt ? addYearsUtc(k.decidedAt, years2257).getTime() : 0))
    found.push({ kind: 'records_2257', ref: k.id, until, reason: `Identity verification ${k.id} backs the person's 2257 performer records and is kept with them until ${day(until)} (28 CFR 75.4; ${LEGAL_OBLIGATION}).` })
  }
  for (const c of facts.openChargebacks) {
    found.push({ kind: 'chargeback', ref: c.id, until: null, reason: `Chargeback ${c.id}, opened ${day(c.openedAt)}, is still open: purchase and ledger records are kept until it is closed, to defend the claim (${LEGAL_CLAIMS}).` })
  }
  for (const p of facts.recentPurchases) {
    const until = new Date(p.at.getTime() + retention.disputeWindowDays * DAY_MS)
    found.push({ kind: 'chargeback', ref: p.id, until, reason: `Purchase ${p.id} of ${day(p.at)} can be disputed with the card network until ${day(until)} (${retention.disputeWindowDays} days): its records are kept to answer a chargeback (${LEGAL_CLAIMS}).` })
  }
  if (facts.payouts) {
    const year = facts.payouts.lastPaidAt.getUTCFullYear()
    const until = new Date(Date.UTC(year + 1 + retention.taxYears, 0, 1))
    found.push({ kind: 'tax', ref: 'payouts', until, reason: `Payouts and tax forms are tax records, kept until ${day(until)}: ${retention.taxYears} years after the end of ${year}, the year of the last payout (26 U.S.C. 6001; ${LEGAL_OBLIGATION}).` })
  }
  for (const l of facts.litigation) {
    found.push({ kind: 'litigation', ref: l.id, until: l.until, reason: `Legal hold ${l.id} set by compliance${l.until ? ` until ${day(l.until)}` : ' until released'}: ${l.reason.trim()} (${LEGAL_CLAIMS}).` })
  }
  const inForce = new Map<string, Omit<Hold, 'categories'>>()
  for (const h of found) {
    if (h.until && h.until.getTime() <= now.getTime()) continue
    const key = `${h.kind}\u0000${h.ref}`
    const seen = inForce.get(key)
    if (!seen || (seen.until && (!h.until || h.until > seen.until))) inForce.set(key, h)
  }
  return [...inForce.values()]
    .sort((a, b) => HOLD_KINDS.indexOf(a.kind) - HOLD_KINDS.indexOf(b.kind) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .map((h) => ({ ...h, categories: [...HOLD_COVERS[h.kind]] }))
}

/** The categories an erasure must keep, each with the holds that keep it, in DATA_CATEGORIES order. */
export function withheld(holds: readonly Hold[]): Map<DataCategory, Hold[]> {
  const out = new Map<DataCategory, Hold[]>()
  for (const category of DATA_CATEGORIES) {
    const by = holds.filter((h) => h.categories.includes(category))
    if (by.length > 0) out.set(category, by)
  }
  return out
}

/** When to look at the holds again: null when nothing is held, the earliest dated end, or 'on_release' when every hold is undated. */
export function erasureResumesAt(holds: readonly Hold[]): Date | null | 'on_release' {
  if (holds.length === 0) return null
  const ends = holds.flatMap((h) => (h.until ? [h.until.getTime()] : []))
  return ends.length > 0 ? new Date(Math.min(...ends)) : 'on_release'
}

const KEYED: readonly DataCategory[] = ['kyc', 'performer_records', 'tax_forms', 'payouts']

/** Whether the person's encryption key must survive the erasure: shredding it would destroy held records encrypted with it. */
export const keyMustBeKept = (holds: readonly Hold[]): boolean => holds.some((h) => h.categories.some((c) => KEYED.includes(c)))
