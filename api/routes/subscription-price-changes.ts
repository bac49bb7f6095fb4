/** A creator's new tier price: previewed (dry run), or announced to the subscribers it reaches and charged to new ones at once. */
import { Router } from 'express'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import { z } from 'zod'
import { toPlan } from '../../activities/subscriptions/index.ts'
import type { Currency } from '../../domain/money.ts'
import type { Plan, Tier } from '../../domain/subscriptions/catalog.ts'
import { SUBSCRIPTION_ERRORS } from '../../domain/subscriptions/errors.ts'
import { dryRun, type PriceChangeLine, type PricedSubscription } from '../../domain/subscriptions/price-change.ts'
import type { Db } from '../../prisma/client.ts'
import { priceChangeSignal, subscriptionWorkflowId } from '../../workflows/subscription.contract.ts'
import { audit } from '../audit.ts'
import { DomainError } from '../errors.ts'
import { orRefused, refused } from './subscription-refusals.ts'
import { ownPlan } from './subscription-views.ts'

const body = z.object({
  tierId: z.string().min(1).max(40),
  monthlyPrice: z.number().int('monthlyPrice is in integer minor units (999 = 9.99)'),
  dryRun: z.boolean().default(false),
}).strict()
const idParam = z.object({ id: z.string().uuid('id must be a UUID') })

// subscriptions a price change can reach (a PENDING one is still opening at the price it was quoted)
const PRICED_STATUS = { TRIALING: 'active', ACTIVE: 'active', PAUSED: 'paused', PAST_DUE: 'past_due', GRACE: 'past_due' } as const
type SubscriptionRow = Awaited<ReturnType<Db['subscription']['findUniqueOrThrow']>>

const priced = (s: SubscriptionRow): PricedSubscription => ({
  id: s.id, planId: s.planId, tierId: s.tierId, amount: { amount: s.price, currency: s.currency as Currency },
  // the read model keeps the next billing date, which lies on the subscription's schedule
  schedule: { anchor: (s.nextBillingAt ?? s.currentPeriodEnd ?? s.createdAt).toISOString(), periodMonths: s.periodMonths },
  status: PRICED_STATUS[s.status as keyof typeof PRICED_STATUS], cancelAtPeriodEnd: s.cancelAtPeriodEnd,
})
const line = (l: PriceChangeLine) => ({ subscriptionId: l.subscriptionId, oldAmount: l.oldAmount.amount, newAmount: l.newAmount.amount,
  currency: l.newAmount.currency, effectiveAt: l.effectiveAt, direction: l.direction })

export function createPriceChangeRouter({ db, temporal }: { db: Db; temporal: Client }): Router {
  const router = Router()

  /** Tells each subscriber's workflow of its new price and when it applies (the workflow mails the notice); ended ones are skipped. */
  async function announce(change: { id: string; tierId: string; newMonthlyPrice: number }, lines: PriceChangeLine[]): Promise<number> {
    let told = 0
    for (const l of lines) {
      try {
        await temporal.workflow.getHandle(subscriptionWorkflowId(l.subscriptionId)).signal(priceChangeSignal, { priceChangeId: change.id,
          tierId: change.tierId, monthlyPrice: change.newMonthlyPrice, amount: l.newAmount.amount, effectiveFrom: l.effectiveAt })
        told += 1
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err
      }
    }
    return told
  }

  /**
   * Changes a tier's monthly price: `dryRun` lists which live subscriptions change, by how much and from when, writing
   * nothing; otherwise records the change, prices new subscribers at once and gives existing ones notice.
   */
  router.post('/creator/plans/:id/price-changes', async (req, res) => {
    const row = await ownPlan(db, req, idParam.parse(req.params).id)
    const b = body.parse(req.body)
    const plan = toPlan(row)
    const tier = plan.tiers.find((t) => t.id === b.tierId)
    if (!tier) throw refused(SUBSCRIPTION_ERRORS.UNKNOWN_TIER, `The plan has no tier ${b.tierId}.`)
    if (tier.monthlyPrice === b.monthlyPrice) throw new DomainError('priceUnchanged', `Tier ${tier.id} costs ${b.monthlyPrice} already.`)
    const changed: Plan = { ...plan, tiers: plan.tiers.map((t) => (t.id === tier.id ? { ...t, monthlyPrice: b.monthlyPrice } : t)) }
    const live = await db.subscription.findMany({ where: { planId: row.id, status: { in: Object.keys(PRICED_STATUS) } } })
    const now = new Date()
    const preview = orRefused(() => dryRun(live.map(priced), { plan: changed, tierId: tier.id }, now.toISOString()))
    if (!preview.ok) throw refused(preview.code, preview.message)
    // a decrease reaches each subscriber at their next renewal; only an increase waits out the notice
    const noticeEndsAt = b.monthlyPrice > tier.monthlyPrice ? new Date(preview.noticeEndsAt) : now
    const answer = { noticeEndsAt: noticeEndsAt.toISOString(), changes: preview.changes.map(line), unchanged: preview.unchanged }
    if (b.dryRun) return void res.json({ dryRun: true, ...answer })

    const change = await db.$transaction(async (tx) => {
      // one change at a time per plan: a concurrent edit of another tier must not be lost
      await tx.$queryRaw`SELECT id FROM subscription_plans WHERE id = ${row.id}::uuid FOR UPDATE`
      const current = toPlan(await tx.subscriptionPlan.findUniqueOrThrow({ where: { id: row.id } }))
      const tiers: Tier[] = current.tiers.map((t) => (t.id === tier.id ? { ...t, monthlyPrice: b.monthlyPrice } : t))
      await tx.subscriptionPlan.update({ where: { id: row.id }, data: { tiers, updatedAt: now } })
      return tx.priceChange.create({ data: { planId: row.id, tierId: tier.id, oldMonthlyPrice: tier.monthlyPrice, newMonthlyPrice: b.monthlyPrice,
        noticeEndsAt, createdBy: req.person!.id } })
    })
    // renewals read the change from price_changes, so a notice that fails to go out never changes what is charged
    const signalled = await announce(change, preview.changes)
    await audit(db, req, { action: 'price_change.apply', resourceType: 'price_change', resourceId: change.id,
      details: { planId: row.id, tierId: tier.id, from: tier.monthlyPrice, to: b.monthlyPrice, subscribers: preview.changes.length, signalled } })
    res.status(201).json({ dryRun: false, id: change.id, ...answer, signalled })
  })
  return router
}
