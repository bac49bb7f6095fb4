/** What openSubscription would refuse, checked before the workflow starts so the fan gets a clear 4xx and nothing is charged. */
import { OPEN_REFUSALS, toPlan } from '../../activities/subscriptions/index.ts'
import { periodPrice } from '../../domain/subscriptions/catalog.ts'
import { applyPromo, type PromoDiscount } from '../../domain/subscriptions/promo.ts'
import type { Db } from '../../prisma/client.ts'
import { DomainError } from '../errors.ts'
import { orRefused, refused } from './subscription-refusals.ts'
import { ENDED_STATUSES } from './subscription-views.ts'

export type SubscribeRequest = { fanId: string; planId: string; tierId: string; periodMonths: number; promoCode?: string | undefined }

/**
 * The plan takes subscribers and is not the fan's own, the fan holds no live subscription to it, the tier and period
 * exist, and the promo (if any) may be used now. The workflow checks again when it opens the subscription.
 */
export async function checkSubscribe(db: Db, r: SubscribeRequest): Promise<void> {
  const row = await db.subscriptionPlan.findUnique({ where: { id: r.planId } })
  if (!row) throw new DomainError('notFound', 'No such plan.')
  if (row.status !== 'ACTIVE') throw refused(OPEN_REFUSALS.planUnavailable, 'That plan is not taking subscribers.')
  if (row.creatorId === r.fanId) throw refused(OPEN_REFUSALS.ownPlan, 'You cannot subscribe to your own plan.')
  const live = await db.subscription.findFirst({ where: { fanId: r.fanId, planId: row.id, status: { notIn: ENDED_STATUSES } }, select: { id: true } })
  if (live) throw refused(OPEN_REFUSALS.alreadySubscribed, 'You already subscribe to this plan.')
  const plan = toPlan(row)
  const price = orRefused(() => periodPrice(plan, r.tierId, r.periodMonths))
  if (!r.promoCode) return

  const promo = await db.promoCode.findUnique({ where: { planId_code: { planId: row.id, code: r.promoCode } } })
  if (!promo) throw refused(OPEN_REFUSALS.unknownPromo, `There is no code ${r.promoCode} on this plan.`)
  const fanHasRedeemed = (await db.promoRedemption.count({ where: { promoId: promo.id, fanId: r.fanId } })) > 0
  const applied = applyPromo({ code: promo.code, planId: promo.planId, tierIds: promo.tierIds as string[] | null, discount: promo.discount as PromoDiscount,
    cycles: promo.cycles, maxRedemptions: promo.maxRedemptions, oncePerFan: promo.oncePerFan, validFrom: promo.validFrom.toISOString(),
    validUntil: promo.validUntil?.toISOString() ?? null }, { planId: row.id, tierId: r.tierId, price, now: new Date().toISOString(),
    redemptions: promo.redemptions, fanHasRedeemed })
  if (!applied.ok) throw refused(applied.code, applied.message)
}
