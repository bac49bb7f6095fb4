/** The gates a creator's payout must pass (identity, tax form, holds, method, balance, minimum) and what it pays. Pure. */
import { formatMoney, isCurrency, percentOf } from '../money.ts'
import type { PayoutRailName } from './destinations.ts'
import { instantMs, minorUnits, PAYOUT_ERRORS, PayoutError } from './errors.ts'

export const GATES = {
  KYC_CURRENT: 'KYC_CURRENT', TAX_FORM: 'TAX_FORM', NO_HOLDS: 'NO_HOLDS',
  METHOD_VERIFIED: 'METHOD_VERIFIED', BALANCE_POSITIVE: 'BALANCE_POSITIVE', MINIMUM: 'MINIMUM',
} as const
export type GateCode = (typeof GATES)[keyof typeof GATES]

/** Everything the gates look at, as plain data; times are ISO instants, money in minor units. */
export type GateFacts = {
  now: string
  kyc: { status: string; expiresAt: string | null } | null
  taxForm: { kind: 'W-9' | 'W-8BEN' | 'W-8BEN-E'; signedAt: string; expiresAt: string | null } | null
  holds: { reason: string; note: string; until: string | null }[]
  method: { rail: PayoutRailName; verifiedAt: string | null } | null
  /** available: payable earnings; receivable: what the creator owes back (late refunds and chargebacks) */
  balances: { available: number; receivable: number }
  minimum: number
  /** 0..100, fractions allowed down to a basis point (7.5 = 750 bps) */
  reservePercent: number
  /** for the sentences only (amounts are shown as e.g. "12.34 USD"); without it they read "1234 minor units" */
  currency?: string
}

export type GateResult = { gate: GateCode; passed: boolean; detail: string }

/** The verdict: every gate in order; the figures are zero unless payable, and then amount + reserve + netted = available. */
export type GateVerdict = {
  payable: boolean
  gates: GateResult[]
  /** what we send */
  amount: number
  /** kept back in the rolling reserve */
  reserve: number
  /** receivable settled from available */
  netted: number
  /** available - receivable, negative when the creator owes us */
  net: number
}

const day = (iso: string) => new Date(instantMs(iso, 'date')).toISOString().slice(0, 10)
const after = (iso: string, now: number, what: string) => instantMs(iso, what) > now

const kycGate = (kyc: GateFacts['kyc'], now: number): [boolean, string] => {
  if (!kyc) return [false, 'Identity verification has not been started.']
  if (kyc.status.toUpperCase() !== 'APPROVED') return [false, `Identity verification is not approved yet (status: ${kyc.status.toLowerCase()}).`]
  if (kyc.expiresAt && !after(kyc.expiresAt, now, 'KYC expiry')) return [false, `Identity verification expired on ${day(kyc.expiresAt)}; please verify again.`]
  return [true, kyc.expiresAt ? `Identity verification is approved until ${day(kyc.expiresAt)}.` : 'Identity verification is approved.']
}

const taxGate = (form: GateFacts['taxForm'], now: number): [boolean, string] => {
  if (!form) return [false, 'No tax form is on file; a W-9 (US persons) or W-8BEN / W-8BEN-E is needed before payouts.']
  if (after(form.signedAt, now, 'tax form signature')) return [false, `The ${form.kind} is dated ${day(form.signedAt)}, in the future; please sign it again.`]
  if (form.expiresAt && !after(form.expiresAt, now, 'tax form expiry')) return [false, `The ${form.kind} expired on ${day(form.expiresAt)}; please sign a new one.`]
  return [true, `A ${form.kind} signed on ${day(form.signedAt)} is on file.`]
}

const holdsGate = (holds: GateFacts['holds'], now: number): [boolean, string] => {
  const open = holds.filter((h) => h.until === null || after(h.until, now, 'hold end'))
  if (open.length === 0) return [true, 'No holds on payouts.']
  const each = open.map((h) => `${h.reason}${h.note ? ` (${h.note})` : ''} ${h.until ? `until ${day(h.until)}` : 'until released'}`)
  return [false, `Payouts are on hold: ${each.join('; ')}.`]
}

const methodGate = (method: GateFacts['method']): [boolean, string] => {
  if (!method) return [false, 'No payout method is set up.']
  if (!method.verifiedAt) return [false, `The ${method.rail} payout method is not verified yet.`]
  return [true, `Payouts go by ${method.rail}, verified on ${day(method.verifiedAt)}.`]
}

type Show = (minor: number) => string

const balanceGate = (available: number, receivable: number, show: Show): [boolean, string] => {
  const net = available - receivable
  const owed = receivable > 0 ? ` after ${show(receivable)} owed from refunds and chargebacks is settled` : ''
  if (net > 0) return [true, `${show(net)} is payable${owed}.`]
  if (net === 0) return [false, `Nothing is payable: the available balance is ${show(available)}${owed}.`]
  // a late chargeback or refund after earlier payouts: the creator owes us, and later earnings settle it first
  return [false, `The creator owes ${show(-net)}: refunds and chargebacks after earlier payouts (${show(receivable)}) exceed `
    + `the available balance (${show(available)}); it is taken from future earnings.`]
}

const minimumGate = (amount: number, reserve: number, bps: number, minimum: number, show: Show): [boolean, string] => {
  const kept = reserve > 0 ? ` after a ${show(reserve)} reserve (${bps / 100} %)` : ''
  // a zero payout never passes, even with no minimum set
  const floor = Math.max(minimum, 1)
  return amount >= floor ? [true, `The payout of ${show(amount)}${kept} meets the ${show(minimum)} minimum.`]
    : [false, `The payout of ${show(amount)}${kept} is under the ${show(floor)} minimum; the balance carries over to the next run.`]
}

/** A percentage to basis points; refuses what is outside 0..100 or finer than a basis point. */
const reserveBps = (percent: number): number => {
  const bps = Math.round(percent * 100)
  if (!Number.isFinite(percent) || bps < 0 || bps > 10_000 || Math.abs(percent * 100 - bps) > 1e-6) {
    throw new PayoutError(PAYOUT_ERRORS.INVALID_PERCENT, `reserve ${percent} % is not in 0..100 in whole basis points`)
  }
  return bps
}

/** Evaluates every gate (all failures are reported, not only the first) and the amounts to send, reserve and net. */
export function evaluateGates(f: GateFacts): GateVerdict {
  const now = instantMs(f.now, 'now')
  const available = minorUnits(f.balances.available, 'available balance', Number.MIN_SAFE_INTEGER)
  const receivable = minorUnits(f.balances.receivable, 'receivable balance')
  const minimum = minorUnits(f.minimum, 'minimum')
  const bps = reserveBps(f.reservePercent)
  const show: Show = (n) => (f.currency && isCurrency(f.currency) ? formatMoney({ amount: n, currency: f.currency }) : `${n} minor units`)
  const net = available - receivable
  const reserve = net > 0 ? percentOf(net, bps, 'floor') : 0
  const amount = Math.max(0, net - reserve)
  const results: [GateCode, [boolean, string]][] = [
    [GATES.KYC_CURRENT, kycGate(f.kyc, now)], [GATES.TAX_FORM, taxGate(f.taxForm, now)], [GATES.NO_HOLDS, holdsGate(f.holds, now)],
    [GATES.METHOD_VERIFIED, methodGate(f.method)], [GATES.BALANCE_POSITIVE, balanceGate(available, receivable, show)],
    [GATES.MINIMUM, minimumGate(amount, reserve, bps, minimum, show)],
  ]
  const gates = results.map(([gate, [passed, detail]]) => ({ gate, passed, detail }))
  const payable = gates.every((g) => g.passed)
  return payable ? { payable, gates, amount, reserve, netted: receivable, net } : { payable, gates, amount: 0, reserve: 0, netted: 0, net }
}

/** A gate as the creator reads it: a hold's internal note (compliance, a disputed transaction) stays with finance. */
export const creatorGateDetail = (g: GateResult): string =>
  (g.gate === GATES.NO_HOLDS && !g.passed ? 'Your payouts are on hold while we review your account; our support team can tell you more.' : g.detail)
