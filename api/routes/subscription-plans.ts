/** Creators' subscription plans and promo codes, and the plans a brand's storefront shows. */
import { Router } from 'express'
import { z } from 'zod'
import { toPlan } from '../../activities/subscriptions/index.ts'
import { isBrandSlug, type BrandSlug } from '../../domain/brands.ts'
import { isCurrency, type Currency } from '../../domain/money.ts'
import { validatePlan, type Bundle, type Plan, type Tier } from '../../domain/subscriptions/catalog.ts'
import { SUBSCRIPTION_ERRORS } from '../../domain/subscriptions/errors.ts'
import { assertPromo, type Promo } from '../../domain/subscriptions/promo.ts'
import type { Db } from '../../prisma/client.ts'
import { audit } from '../audit.ts'
import { signedInId } from '../auth.ts'
import { DomainError } from '../errors.ts'
import { orRefused, refused } from './subscription-refusals.ts'
import { assertCreatorOn, creatorsOf, ENDED_STATUSES, ownPlan, planView, publicPlanView } from './subscription-views.ts'

const brandSlug = z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs')
const idParam = z.object({ id: z.string().uuid('id must be a UUID') })
const tier = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'a tier id is 1-32 lowercase letters, digits, - or _'),
  rank: z.number().int('rank is a whole number'),
  name: z.string().trim().min(1).max(60),
  monthlyPrice: z.number().int('monthlyPrice is in integer minor units (999 = 9.99)'),
}).strict()
const planBody = z.object({
  name: z.string().trim().min(2).max(80),
  currency: z.string().refine(isCurrency, 'currency must be a supported ISO code (USD, EUR, GBP, CAD, AUD, JPY)'),
  tiers: z.array(tier).max(10),
  bundles: z.array(z.object({ months: z.number().int(), discountBps: z.number().int() }).strict()).max(3).default([]),
  trialDays: z.number().int().default(0),
}).strict()
const instant = z.iso.datetime({ offset: true, message: 'an ISO instant with a zone (2026-01-01T00:00:00Z)' })
const promoBody = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 'a code is 3-32 letters, digits, - or _'),
  tierIds: z.array(z.string()).min(1).nullable().default(null),
  discount: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('percent'), bps: z.number().int() }).strict(),
    z.object({ kind: z.literal('amount'), amount: z.number().int('amount is in integer minor units of the plan currency') }).strict(),
  ]),
  cycles: z.number().int().nullable().default(null),
  maxRedemptions: z.number().int().nullable().default(null),
  oncePerFan: z.boolean().default(true),
  validFrom: instant.optional(),
  validUntil: instant.nullable().default(null),
}).strict()
const plansQuery = z.object({ brand: brandSlug, creatorId: z.string().uuid('creatorId must be a UUID').optional() })

type PromoRow = Awaited<ReturnType<Db['promoCode']['findUniqueOrThrow']>>
const promoView = (p: PromoRow) => ({ ...p, validFrom: p.validFrom.toISOString(), validUntil: p.validUntil?.toISOString() ?? null })

/** Tier prices of a plan with subscribers change only through a price change, which gives them notice. */
function assertPricesKept(stored: readonly Tier[], asked: readonly Tier[]): void {
  for (const t of asked) {
    const before = stored.find((s) => s.id === t.id)
    if (before && before.monthlyPrice !== t.monthlyPrice) {
      throw new DomainError('priceChangeRequired', `Tier ${t.id} costs ${before.monthlyPrice} now: change its price with a price change, which gives subscribers notice.`)
    }
  }
}

export function createSubscriptionPlanRouter({ db }: { db: Db }): Router {
  const router = Router()

  /** The signed-in creator's plans, one per brand, with their live subscriber counts. */
  router.get('/creator/plans', async (req, res) => {
    const rows = await db.subscriptionPlan.findMany({ where: { creatorId: signedInId(req) }, orderBy: { brand: 'asc' } })
    const live = await db.subscription.groupBy({ by: ['planId'], where: { planId: { in: rows.map((r) => r.id) }, status: { notIn: ENDED_STATUSES } },
      _count: { _all: true } })
    res.json(rows.map((r) => ({ ...planView(r), subscribers: live.find((l) => l.planId === r.id)?._count._all ?? 0 })))
  })

  /** Creates or edits the creator's one plan on a brand, within the brand's price limits. */
  router.put('/creator/plans/:brand', async (req, res) => {
    const brand = brandSlug.parse(req.params.brand) as BrandSlug
    const creatorId = assertCreatorOn(req, brand)
    const body = planBody.parse(req.body)
    const existing = await db.subscriptionPlan.findUnique({ where: { creatorId_brand: { creatorId, brand } } })
    if (existing && existing.currency !== body.currency) {
      throw new DomainError('planCurrencyLocked', `This plan sells in ${existing.currency}; subscribers hold prices in it.`)
    }
    if (existing) assertPricesKept(toPlan(existing).tiers, body.tiers)
    const plan: Plan = { id: existing?.id ?? 'new', creatorId, brand, currency: body.currency as Currency, tiers: body.tiers,
      bundles: body.bundles as Bundle[], trialDays: body.trialDays }
    const valid = validatePlan(plan)
    if (!valid.ok) throw refused(valid.code, valid.message)
    const data = { name: body.name, currency: body.currency, tiers: body.tiers, bundles: body.bundles, trialDays: body.trialDays, updatedAt: new Date() }
    const row = existing
      ? await db.subscriptionPlan.update({ where: { id: existing.id }, data })
      : await db.subscriptionPlan.create({ data: { creatorId, brand, ...data } })
    await audit(db, req, { action: existing ? 'subscription_plan.update' : 'subscription_plan.create', resourceType: 'subscription_plan', resourceId: row.id,
      details: { tiers: body.tiers, bundles: body.bundles, trialDays: body.trialDays } })
    res.status(existing ? 200 : 201).json(planView(row))
  })

  /** Adds a promo code to the creator's plan (409 if the plan has that code already). */
  router.post('/creator/plans/:id/promo-codes', async (req, res) => {
    const row = await ownPlan(db, req, idParam.parse(req.params).id)
    const b = promoBody.parse(req.body)
    const plan = toPlan(row)
    const unknownTier = b.tierIds?.find((id) => !plan.tiers.some((t) => t.id === id))
    if (unknownTier) throw refused(SUBSCRIPTION_ERRORS.UNKNOWN_TIER, `The plan has no tier ${unknownTier}.`)
    const promo: Promo = orRefused(() => assertPromo({ code: b.code, planId: row.id, tierIds: b.tierIds, cycles: b.cycles, maxRedemptions: b.maxRedemptions,
      discount: b.discount.kind === 'percent' ? b.discount : { kind: 'amount', amount: { amount: b.discount.amount, currency: plan.currency } },
      oncePerFan: b.oncePerFan, validFrom: b.validFrom ?? new Date().toISOString(), validUntil: b.validUntil }))
    const created = await db.promoCode.create({ data: { planId: row.id, code: promo.code, tierIds: promo.tierIds ?? undefined, discount: promo.discount,
      cycles: promo.cycles, maxRedemptions: promo.maxRedemptions, oncePerFan: promo.oncePerFan, validFrom: new Date(promo.validFrom),
      validUntil: promo.validUntil === null ? null : new Date(promo.validUntil) } }).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'P2002') throw new DomainError('promoCodeTaken', `This plan has a code ${promo.code} already.`)
      throw err
    })
    await audit(db, req, { action: 'promo_code.create', resourceType: 'promo_code', resourceId: created.id, details: { planId: row.id, code: promo.code } })
    res.status(201).json(promoView(created))
  })

  /** The plan's promo codes with how often each was redeemed, newest first. */
  router.get('/creator/plans/:id/promo-codes', async (req, res) => {
    const row = await ownPlan(db, req, idParam.parse(req.params).id)
    res.json((await db.promoCode.findMany({ where: { planId: row.id }, orderBy: { createdAt: 'desc' } })).map(promoView))
  })

  /** The plans a brand's storefront offers (public): tiers, the price of each period, and the creator's name and handle. */
  router.get('/plans', async (req, res) => {
    const q = plansQuery.parse(req.query)
    const rows = await db.subscriptionPlan.findMany({ where: { brand: q.brand, status: 'ACTIVE', ...(q.creatorId ? { creatorId: q.creatorId } : {}) },
      orderBy: { createdAt: 'asc' }, take: 100 })
    const creator = await creatorsOf(db, rows.map((r) => r.creatorId))
    res.json(rows.map((r) => publicPlanView(r, creator(r.creatorId, r.brand))))
  })
  return router
}
