/** A creator's subscription plan: tiers, multi-month bundles, free trial, and each brand's price limits. Pure. */
import { BRAND_SLUGS, isBrandSlug, type BrandSlug } from '../brands.ts'
import { CURRENCIES, assertBps, assertMinorUnits, formatMoney, mulDiv, BPS_SCALE, type Currency, type Money } from '../money.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError, refuse, type Refusal } from './errors.ts'

/** A subscription tier; a higher rank is an upgrade and must cost more per month. */
export type Tier = { id: string; rank: number; name: string; monthlyPrice: number }
/** Months a fan may prepay at once, besides monthly. */
export const BUNDLE_MONTHS = [3, 6, 12] as const
/** A prepaid bundle: `months` at a discount of `discountBps` off the monthly price. */
export type Bundle = { months: (typeof BUNDLE_MONTHS)[number]; discountBps: number }
/** A creator's plan on one brand, in one currency. */
export type Plan = {
  id: string; creatorId: string; brand: BrandSlug; currency: Currency
  tiers: readonly Tier[]; bundles: readonly Bundle[]; trialDays: number
}

/** Monthly price band of a brand in one currency, in minor units, both ends inclusive. */
export type PriceLimits = { floor: number; ceiling: number }
type Bands = Readonly<Partial<Record<Currency, PriceLimits>>>

const STANDARD: Bands = { USD: { floor: 499, ceiling: 4_999 }, EUR: { floor: 499, ceiling: 4_999 },
  GBP: { floor: 399, ceiling: 3_999 }, CAD: { floor: 699, ceiling: 6_999 }, AUD: { floor: 749, ceiling: 7_499 },
  JPY: { floor: 700, ceiling: 7_500 } }
// Short vertical clips sell cheaper; the stricter-gated and mature brands carry a higher floor.
const SHORT_FORM: Bands = { USD: { floor: 299, ceiling: 2_999 }, EUR: { floor: 299, ceiling: 2_999 },
  GBP: { floor: 249, ceiling: 2_499 }, CAD: { floor: 399, ceiling: 3_999 }, AUD: { floor: 449, ceiling: 4_499 },
  JPY: { floor: 450, ceiling: 4_500 } }
const PREMIUM: Bands = { USD: { floor: 799, ceiling: 9_999 }, EUR: { floor: 799, ceiling: 9_999 },
  GBP: { floor: 699, ceiling: 7_999 }, CAD: { floor: 999, ceiling: 12_999 }, AUD: { floor: 1_199, ceiling: 14_999 },
  JPY: { floor: 1_200, ceiling: 15_000 } }

/** Monthly price limits per brand and currency; a currency missing from a brand's row is not offered there. */
export const BRAND_PRICE_LIMITS: Readonly<Record<BrandSlug, Bands>> = Object.freeze({
  fanzlab: STANDARD, boyfanz: STANDARD, girlfanz: STANDARD, daddyfanz: PREMIUM, pupfanz: STANDARD,
  taboofanz: PREMIUM, transfanz: STANDARD, cougarfanz: PREMIUM, fanzcock: SHORT_FORM,
})
/** Largest bundle discount a creator may give: 50 %. */
export const MAX_BUNDLE_DISCOUNT_BPS = 5_000
/** Longest free trial a creator may give. */
export const MAX_TRIAL_DAYS = 30

/** Why a plan is refused. */
export const PLAN_REFUSALS = {
  unknownBrand: 'PLAN_UNKNOWN_BRAND', currencyNotOffered: 'PLAN_CURRENCY_NOT_OFFERED', outOfRange: 'PLAN_OUT_OF_RANGE',
  noTiers: 'PLAN_NO_TIERS', badTiers: 'PLAN_BAD_TIERS', badBundle: 'PLAN_BAD_BUNDLE', badTrial: 'PLAN_BAD_TRIAL',
} as const
/** One plan refusal code. */
export type PlanRefusalCode = (typeof PLAN_REFUSALS)[keyof typeof PLAN_REFUSALS]

/** The brand's band for the plan's currency, or null when the brand does not sell in it. */
export const priceLimits = (brand: BrandSlug, currency: Currency): PriceLimits | null => {
  const bands = BRAND_PRICE_LIMITS[brand]
  return Object.hasOwn(bands, currency) ? bands[currency] ?? null : null
}

/** The tier with this id; throws UNKNOWN_TIER. */
export function tierOf(plan: Plan, tierId: string): Tier {
  const tier = plan.tiers.find((t) => t.id === tierId)
  if (!tier) throw new SubscriptionError(SUBSCRIPTION_ERRORS.UNKNOWN_TIER, `plan ${plan.id} has no tier ${tierId}`)
  return tier
}

/** What a change from one tier to another is, by rank. */
export function tierChange(plan: Plan, fromTierId: string, toTierId: string): 'upgrade' | 'downgrade' | 'same' {
  const [from, to] = [tierOf(plan, fromTierId), tierOf(plan, toTierId)]
  return to.rank > from.rank ? 'upgrade' : to.rank < from.rank ? 'downgrade' : 'same'
}

/** Price of `months` of a tier paid at once: 1 month is the monthly price; a bundle takes its discount, rounded
 * half-even, but never below the brand floor for each month. Throws UNKNOWN_TIER, or INVALID_PERIOD without such a bundle. */
export function periodPrice(plan: Plan, tierId: string, months: number): Money {
  const monthly = assertMinorUnits(tierOf(plan, tierId).monthlyPrice)
  if (months === 1) return { amount: monthly, currency: plan.currency }
  const bundle = plan.bundles.find((b) => b.months === months)
  if (!bundle) throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_PERIOD, `plan ${plan.id} has no ${months}-month bundle`)
  const discounted = mulDiv(monthly * months, BPS_SCALE - assertBps(bundle.discountBps), BPS_SCALE, 'half-even')
  const floor = (priceLimits(plan.brand, plan.currency)?.floor ?? 0) * months
  return { amount: Math.max(discounted, floor), currency: plan.currency }
}

const checkTiers = (plan: Plan, limits: PriceLimits): Refusal<PlanRefusalCode> | null => {
  if (plan.tiers.length === 0) return refuse(PLAN_REFUSALS.noTiers, 'A plan needs at least one tier.')
  const byRank = [...plan.tiers].sort((a, b) => a.rank - b.rank)
  for (const [i, t] of byRank.entries()) {
    const prev = byRank[i - 1]
    if (!Number.isSafeInteger(t.rank) || !Number.isSafeInteger(t.monthlyPrice) || byRank.some((o) => o !== t && o.id === t.id)) {
      return refuse(PLAN_REFUSALS.badTiers, `Tier ${t.id} needs a unique id and whole-number rank and price.`)
    }
    if (prev && (prev.rank === t.rank || prev.monthlyPrice >= t.monthlyPrice)) {
      return refuse(PLAN_REFUSALS.badTiers, `Tier ${t.id} must have its own rank and cost more than tier ${prev.id}.`)
    }
    if (t.monthlyPrice < limits.floor || t.monthlyPrice > limits.ceiling) {
      const [lo, hi] = [limits.floor, limits.ceiling].map((amount) => formatMoney({ amount, currency: plan.currency }))
      return refuse(PLAN_REFUSALS.outOfRange, `Tier ${t.id} must cost between ${lo} and ${hi} a month on ${plan.brand}.`)
    }
  }
  return null
}

const checkBundles = (plan: Plan): Refusal<PlanRefusalCode> | null => {
  for (const b of plan.bundles) {
    const ok = (BUNDLE_MONTHS as readonly number[]).includes(b.months) && plan.bundles.filter((o) => o.months === b.months).length === 1
      && Number.isInteger(b.discountBps) && b.discountBps >= 0 && b.discountBps <= MAX_BUNDLE_DISCOUNT_BPS
    const most = MAX_BUNDLE_DISCOUNT_BPS / 100
    if (!ok) return refuse(PLAN_REFUSALS.badBundle, `Bundles are 3, 6 or 12 months, once each, at 0..${most} % off.`)
    for (const t of plan.tiers) {
      if (periodPrice(plan, t.id, b.months).amount > CURRENCIES[plan.currency].maxPurchase) {
        return refuse(PLAN_REFUSALS.outOfRange, `The ${b.months}-month bundle of tier ${t.id} is over the largest single charge.`)
      }
    }
  }
  return null
}

/** Whether a plan may be sold: its brand's limits for every tier and bundle, ranked tiers, bundles and trial in bounds. */
export function validatePlan(plan: Plan): { ok: true } | Refusal<PlanRefusalCode> {
  if (!isBrandSlug(plan.brand)) return refuse(PLAN_REFUSALS.unknownBrand, `Brands are ${BRAND_SLUGS.join(', ')}.`)
  const limits = priceLimits(plan.brand, plan.currency)
  if (!limits) return refuse(PLAN_REFUSALS.currencyNotOffered, `${plan.brand} does not sell subscriptions in ${plan.currency}.`)
  if (!Number.isInteger(plan.trialDays) || plan.trialDays < 0 || plan.trialDays > MAX_TRIAL_DAYS) {
    return refuse(PLAN_REFUSALS.badTrial, `A free trial is 0 to ${MAX_TRIAL_DAYS} days.`)
  }
  return checkTiers(plan, limits) ?? checkBundles(plan) ?? { ok: true }
}
