/** How plans, subscriptions and their cycles read in API answers: names and handles beside the ids, bigints as strings. */
import type { Request } from 'express'
import { toPlan } from '../../activities/subscriptions/index.ts'
import { periodPrice, type Tier } from '../../domain/subscriptions/catalog.ts'
import type { Db } from '../../prisma/client.ts'
import { signedInId } from '../auth.ts'
import { DomainError } from '../errors.ts'

/** Statuses of a subscription that has ended; the others hold the fan's one live subscription to a plan. */
export const ENDED_STATUSES = ['CANCELLED', 'ENDED', 'FAILED']

type PlanRow = Awaited<ReturnType<Db['subscriptionPlan']['findUniqueOrThrow']>>
type SubscriptionRow = Awaited<ReturnType<Db['subscription']['findUniqueOrThrow']>>
type CycleRow = Awaited<ReturnType<Db['subscriptionCycle']['findUniqueOrThrow']>>
export type Creator = { displayName: string; handle: string | null }

/** Display names of creators and their creator handle on each brand, keyed by `${creatorId}:${brand}`. */
export async function creatorsOf(db: Db, ids: string[]): Promise<(creatorId: string, brand: string) => Creator> {
  const unique = [...new Set(ids)]
  const [people, personas] = await Promise.all([
    db.person.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } }),
    db.persona.findMany({ where: { personId: { in: unique }, kind: 'creator' }, select: { personId: true, handle: true, brand: { select: { slug: true } } } }),
  ])
  const names = new Map(people.map((p) => [p.id, p.displayName]))
  const handles = new Map(personas.map((p) => [`${p.personId}:${p.brand.slug}`, p.handle]))
  return (creatorId, brand) => ({ displayName: names.get(creatorId) ?? '', handle: handles.get(`${creatorId}:${brand}`) ?? null })
}

const sortedTiers = (row: PlanRow) => [...(row.tiers as Tier[])].sort((a, b) => a.rank - b.rank)

/** A plan as its creator edits it. */
export const planView = (row: PlanRow) => ({ id: row.id, creatorId: row.creatorId, brand: row.brand, name: row.name, currency: row.currency,
  tiers: sortedTiers(row), bundles: row.bundles, trialDays: row.trialDays, status: row.status, createdAt: row.createdAt, updatedAt: row.updatedAt })

/** A plan as fans see it: each tier with the price of every period it sells (monthly, and each bundle at its discount). */
export function publicPlanView(row: PlanRow, creator: Creator) {
  const plan = toPlan(row)
  const periods = [{ months: 1, discountBps: 0 }, ...plan.bundles.map((b) => ({ months: b.months as number, discountBps: b.discountBps }))]
  return { id: row.id, brand: row.brand, creatorId: row.creatorId, creator, name: row.name, currency: row.currency, trialDays: row.trialDays,
    tiers: sortedTiers(row).map((t) => ({ ...t, prices: periods.map((p) => ({ ...p, amount: periodPrice(plan, t.id, p.months).amount })) })) }
}

/** Subscriptions with their plan's and tier's names and the creator, for lists. */
export async function subscriptionViews(db: Db, rows: SubscriptionRow[]) {
  const [plans, creator] = await Promise.all([
    db.subscriptionPlan.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.planId))] } } }),
    creatorsOf(db, rows.map((r) => r.creatorId)),
  ])
  const byId = new Map(plans.map((p) => [p.id, p]))
  return rows.map((r) => {
    const plan = byId.get(r.planId)
    const tier = plan && (plan.tiers as Tier[]).find((t) => t.id === r.tierId)
    return { ...r, planName: plan?.name ?? null, tierName: tier?.name ?? r.tierId, creator: creator(r.creatorId, r.brand) }
  })
}

/** One billing event; its id and ledger entry are bigints, sent as strings. */
export const cycleView = (c: CycleRow) => ({ ...c, id: c.id.toString(), ledgerEntryId: c.ledgerEntryId?.toString() ?? null })

/** The signed-in creator's own plan by id (404 for anyone else's); they must still be a creator on its brand. */
export async function ownPlan(db: Db, req: Request, id: string): Promise<PlanRow> {
  const creatorId = signedInId(req)
  const row = await db.subscriptionPlan.findUnique({ where: { id } })
  if (!row || row.creatorId !== creatorId) throw new DomainError('notFound', 'No such plan of yours.')
  assertCreatorOn(req, row.brand)
  return row
}

/** The creator role on a brand (granted on KYC approval) is what lets a person sell subscriptions there. */
export function assertCreatorOn(req: Request, brand: string): string {
  const personId = signedInId(req)
  if (!req.person!.roles.some((g) => g.role === 'creator' && (g.brandSlug === brand || g.brandSlug === null))) {
    throw new DomainError('forbidden', `You are not a verified creator on ${brand}.`)
  }
  return personId
}
