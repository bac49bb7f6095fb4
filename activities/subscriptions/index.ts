/** Activities of subscriptions: open (plan, promo, split rules), renewal price, read model and access, notices, share holds. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import type { MailSender } from '../identity/deps.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { formatMoney, isCurrency, type Currency } from '../../domain/money.ts'
import { taxRateBps } from '../../domain/tax.ts'
import { periodPrice, validatePlan, type Bundle, type Plan, type Tier } from '../../domain/subscriptions/catalog.ts'
import { applyPromo, type Promo, type PromoDiscount } from '../../domain/subscriptions/promo.ts'
import { purchaseKey } from '../../workflows/purchase-ppv.contract.ts'
import type { Access, CycleRecord, SubscribeInput, SubscriptionQuote, SubscriptionState } from '../../workflows/subscription.contract.ts'
import { saleRules } from '../purchases/sale-rules.ts'
import { readBookedSale, type BookedSale } from '../purchases/sale-record.ts'
import type { ProcessorDriver, ProcessorName } from '../payments/driver.ts'

/** Refusals when opening a subscription (ApplicationFailure types; the API checks most of them first for a clear 4xx). */
export const OPEN_REFUSALS = {
  planUnavailable: 'PLAN_UNAVAILABLE',
  ownPlan: 'OWN_PLAN',
  alreadySubscribed: 'ALREADY_SUBSCRIBED',
  unknownPromo: 'PROMO_UNKNOWN',
} as const

/** Processors that own the rebilling of a subscription (they rebill and notify us); the rest we charge each renewal. */
export const PROCESSOR_REBILLING: ReadonlySet<string> = new Set(['ccbill', 'segpay'])

const refuse = (message: string, code: string) => ApplicationFailure.nonRetryable(message, code)

export type SubscriptionDeps = {
  db: Db
  sendMail: MailSender
  drivers: Partial<Record<ProcessorName, ProcessorDriver>>
  chargebackWindowDays: number
  publicUrl: string
}

type PlanRow = { id: string; creatorId: string; brand: string; currency: string; name: string; tiers: unknown; bundles: unknown; trialDays: number; status: string }

/** The stored plan as the domain sees it; refuses a plan whose stored shape is not valid any more. */
export function toPlan(row: PlanRow): Plan {
  if (!isBrandSlug(row.brand) || !isCurrency(row.currency)) throw refuse(`plan ${row.id} has an unknown brand or currency`, OPEN_REFUSALS.planUnavailable)
  return { id: row.id, creatorId: row.creatorId, brand: row.brand, currency: row.currency as Currency, tiers: row.tiers as Tier[],
    bundles: row.bundles as Bundle[], trialDays: row.trialDays }
}

export function createSubscriptionActivities({ db, sendMail, drivers, chargebackWindowDays, publicUrl }: SubscriptionDeps) {
  /** The promo as the domain sees it. */
  const toPromo = (p: { code: string; planId: string; tierIds: unknown; discount: unknown; cycles: number | null; maxRedemptions: number | null
    oncePerFan: boolean; validFrom: Date; validUntil: Date | null }): Promo => ({ code: p.code, planId: p.planId, tierIds: p.tierIds as string[] | null,
    discount: p.discount as PromoDiscount, cycles: p.cycles, maxRedemptions: p.maxRedemptions, oncePerFan: p.oncePerFan,
    validFrom: p.validFrom.toISOString(), validUntil: p.validUntil?.toISOString() ?? null })

  return {
    /**
     * Checks the plan, tier, period and promo, redeems the promo and creates the subscription row (PENDING) in one
     * transaction; a retry finds the row and returns the same quote. Refusals are non-retryable.
     */
    async openSubscription(input: SubscribeInput): Promise<SubscriptionQuote> {
      const row = await db.subscriptionPlan.findUnique({ where: { id: input.planId } })
      if (!row || row.status !== 'ACTIVE') throw refuse('That plan is not taking subscribers.', OPEN_REFUSALS.planUnavailable)
      if (row.creatorId === input.fanId) throw refuse('You cannot subscribe to yourself.', OPEN_REFUSALS.ownPlan)
      const plan = toPlan(row)
      const valid = validatePlan(plan)
      if (!valid.ok) throw refuse(valid.message, valid.code)
      if (!plan.tiers.some((t) => t.id === input.tierId)) throw refuse(`The plan has no tier ${input.tierId}.`, 'UNKNOWN_TIER')
      let price: number
      try {
        price = periodPrice(plan, input.tierId, input.periodMonths).amount
      } catch (err) {
        throw refuse(err instanceof Error ? err.message : String(err), 'INVALID_PERIOD')
      }
      const fan = await db.person.findUniqueOrThrow({ where: { id: input.fanId }, select: { email: true, displayName: true } })
      const now = new Date()

      const promo = await db.$transaction(async (tx) => {
        const existing = await tx.subscription.findUnique({ where: { id: input.subscriptionId } })
        let applied: SubscriptionQuote['promo'] = null
        if (input.promoCode) {
          const p = (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM promo_codes WHERE plan_id = ${plan.id}::uuid AND code = ${input.promoCode} FOR UPDATE`)[0]
          if (!p) throw refuse(`There is no code ${input.promoCode} on this plan.`, OPEN_REFUSALS.unknownPromo)
          const stored = await tx.promoCode.findUniqueOrThrow({ where: { id: p.id } })
          const promo = toPromo(stored)
          if (!existing) {
            const fanHasRedeemed = (await tx.promoRedemption.count({ where: { promoId: p.id, fanId: input.fanId } })) > 0
            const result = applyPromo(promo, { planId: plan.id, tierId: input.tierId, price: { amount: price, currency: plan.currency }, now: now.toISOString(),
              redemptions: stored.redemptions, fanHasRedeemed })
            if (!result.ok) throw refuse(result.message, result.code)
            await tx.promoRedemption.create({ data: { promoId: p.id, fanId: input.fanId, subscriptionId: input.subscriptionId } })
            await tx.promoCode.update({ where: { id: p.id }, data: { redemptions: { increment: 1 } } })
          }
          applied = { code: promo.code, discount: promo.discount, cycles: promo.cycles }
        }
        if (!existing) {
          try {
            await tx.subscription.create({ data: { id: input.subscriptionId, workflowId: `sub:${input.subscriptionId}`, fanId: input.fanId,
              creatorId: plan.creatorId, brand: plan.brand, planId: plan.id, tierId: input.tierId, periodMonths: input.periodMonths, currency: plan.currency,
              price, promoCode: input.promoCode, processor: input.processor, renewalMode: PROCESSOR_REBILLING.has(input.processor) ? 'PROCESSOR' : 'MERCHANT',
              status: 'PENDING' } })
          } catch (err) {
            if ((err as { code?: string }).code === 'P2002') throw refuse('You already subscribe to this plan.', OPEN_REFUSALS.alreadySubscribed)
            throw err
          }
        }
        return applied
      })
      const rules = await saleRules(db, { brand: plan.brand, creatorId: plan.creatorId, currency: plan.currency, at: now })
      return {
        brand: plan.brand, creatorId: plan.creatorId, currency: plan.currency, planName: row.name, tiers: [...plan.tiers], bundles: [...plan.bundles],
        price, promo, trialDays: plan.trialDays, renewalMode: PROCESSOR_REBILLING.has(input.processor) ? 'PROCESSOR' : 'MERCHANT',
        taxBps: taxRateBps(input.jurisdiction), chargebackWindowDays, fanEmail: fan.email, fanName: fan.displayName, ...rules,
      }
    },

    /** The list price of the period starting at `at`: the tier's newest price change whose notice has ended, else the price held. */
    async renewalPrice(i: { planId: string; tierId: string; periodMonths: number; at: string; current: number }):
      Promise<{ price: number; priceChangeId: string | null }> {
      const [row, change] = await Promise.all([
        db.subscriptionPlan.findUniqueOrThrow({ where: { id: i.planId } }),
        // the newest announced change whose notice has ended (a later decrease supersedes an earlier increase)
        db.priceChange.findFirst({ where: { planId: i.planId, tierId: i.tierId, noticeEndsAt: { lte: new Date(i.at) } }, orderBy: { createdAt: 'desc' } }),
      ])
      if (!change) return { price: i.current, priceChangeId: null }
      const plan = toPlan(row)
      const tiers = plan.tiers.map((t) => (t.id === i.tierId ? { ...t, monthlyPrice: change.newMonthlyPrice } : t))
      try {
        return { price: periodPrice({ ...plan, tiers }, i.tierId, i.periodMonths).amount, priceChangeId: change.id }
      } catch {
        // a bundle withdrawn since: the subscriber keeps the price they hold
        return { price: i.current, priceChangeId: null }
      }
    },

    /** Keeps the read model and the entitlement row current, in one transaction (access is one PostgreSQL read). */
    async recordSubscription(i: { subscriptionId: string; state: SubscriptionState; fanId: string; creatorId: string; brand: string }): Promise<void> {
      const s = i.state
      const date = (v: string | null) => (v ? new Date(v) : null)
      const access: Access = s.access
      await db.$transaction([
        db.subscription.update({ where: { id: i.subscriptionId }, data: { status: s.status, tierId: s.tierId, periodMonths: s.periodMonths, price: s.price,
          cancelAtPeriodEnd: s.cancelAtPeriodEnd, currentPeriodStart: date(s.currentPeriod?.start ?? null), currentPeriodEnd: date(s.currentPeriod?.end ?? null),
          nextBillingAt: date(s.nextBillingAt), pausedAt: date(s.pausedAt), endedAt: date(s.endedAt), endReason: s.endReason, updatedAt: new Date() } }),
        db.subscriptionEntitlement.upsert({ where: { subscriptionId: i.subscriptionId },
          create: { subscriptionId: i.subscriptionId, fanId: i.fanId, creatorId: i.creatorId, brand: i.brand, access, validUntil: date(s.currentPeriod?.end ?? null) },
          update: { access, validUntil: date(s.currentPeriod?.end ?? null), updatedAt: new Date() } }),
      ])
    },

    /** Records one billing event (idempotent on subscription, cycle, kind and attempt). */
    async recordCycle(i: { subscriptionId: string; workflowId: string; record: CycleRecord; ledgerEntryId: string | null; currency: string }): Promise<void> {
      const r = i.record
      const data = { amount: r.amount, currency: i.currency, status: r.status, transactionId: r.transactionId, failureCode: r.failureCode,
        ledgerEntryId: i.ledgerEntryId ? BigInt(i.ledgerEntryId) : null, periodStart: new Date(r.periodStart), periodEnd: new Date(r.periodEnd),
        workflowId: i.workflowId, runId: r.runId }
      await db.subscriptionCycle.upsert({
        where: { subscriptionId_cycle_kind_attempt: { subscriptionId: i.subscriptionId, cycle: r.cycle, kind: r.kind, attempt: r.attempt } },
        create: { subscriptionId: i.subscriptionId, cycle: r.cycle, kind: r.kind, attempt: r.attempt, ...data }, update: data })
    },

    /** Mails the fan a subscription notice through the stack's SMTP; the key makes a retry send the same message once. */
    async notifySubscriber(i: { idempotencyKey: string; to: string; name: string; brand: string; creatorId: string; notice: string
      amount?: { amount: number; currency: string }; at?: string | null }): Promise<void> {
      const creator = await db.persona.findFirst({ where: { personId: i.creatorId, kind: 'creator', brand: { slug: i.brand } }, select: { handle: true } })
      const who = creator?.handle ? `@${creator.handle}` : (await db.person.findUnique({ where: { id: i.creatorId }, select: { displayName: true } }))?.displayName
      await sendMail({ idempotencyKey: i.idempotencyKey, to: i.to, template: 'subscriptionNotice', data: {
        brand: i.brand, name: i.name, creator: who ?? 'your creator', notice: i.notice, link: `${publicUrl}/${i.brand}/account/subscriptions`,
        ...(i.amount && i.amount.amount > 0 && isCurrency(i.amount.currency) ? { amount: formatMoney({ amount: i.amount.amount, currency: i.amount.currency }) } : {}),
        ...(i.at ? { at: i.at } : {}) } })
    },

    /** A booked charge's sale entry, for a (partial) refund. */
    async bookedSaleOf({ purchaseId }: { purchaseId: string }): Promise<BookedSale> {
      const purchase = await db.purchase.findUniqueOrThrow({ where: { id: purchaseId } })
      const sale = await readBookedSale(db, purchase)
      if (!sale) throw refuse(`purchase ${purchaseId} has no sale entry`, 'NO_SALE_ENTRY')
      return sale
    },

    /** What of a charge's creator share is still pending: the share less what refunds and chargebacks took back from pending. */
    async pendingShareOf({ purchaseId }: { purchaseId: string }): Promise<number> {
      const [row] = await db.$queryRaw<{ remaining: bigint | null }[]>`
        SELECT -sum(p.amount) AS remaining FROM purchases pu
        JOIN journal_entries e ON e.id = pu.ledger_entry_id OR e.reverses_id = pu.ledger_entry_id
        JOIN postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id AND a.kind = 'creator_pending'
        WHERE pu.id = ${purchaseId}::uuid AND e.idempotency_key <> ${purchaseKey(purchaseId, 'release')}`
      return Math.max(0, Number(row?.remaining ?? 0))
    },

    /** Asks a processor that owns the rebilling to stop it (idempotent); processors without recurring billing have nothing to stop. */
    async stopRebilling(i: { processor: ProcessorName; idempotencyKey: string; subscriptionRef: string | null; reason: string }): Promise<{ cancelled: boolean }> {
      const driver = drivers[i.processor] as (ProcessorDriver & { cancelRecurring?: (r: { idempotencyKey: string; subscriptionRef: string; reason: string }) =>
        Promise<{ cancelled: boolean }> }) | undefined
      if (!driver?.cancelRecurring || !i.subscriptionRef) return { cancelled: false }
      return driver.cancelRecurring({ idempotencyKey: i.idempotencyKey, subscriptionRef: i.subscriptionRef, reason: i.reason })
    },
  }
}
