/**
 * One subscription as one long-lived workflow (`sub:<id>`), continued-as-new at each renewal: trial, first charge,
 * renewals (ours, or the processor's rebill notices), dunning as durable timers, cancel / pause / resume / tier changes
 * as updates, a chargeback ending it at once. Every charge is booked like a sale; its creator share waits out the
 * chargeback window as a hold in this workflow's state, released by its timers (after the subscription ends, the
 * workflow stays until the last hold is released or taken back).
 *
 * Why not a child workflow per hold: the time-skipping test server stops skipping time in children once their parent
 * continues-as-new (temporalio/sdk-java#1540), and thirteen months of renewals must be testable.
 */
import {
  allHandlersFinished, ApplicationFailure, condition, continueAsNew, proxyActivities, setHandler, uuid4, workflowInfo,
} from '@temporalio/workflow'
import type * as ledger from '../activities/ledger/index.ts'
import type * as finance from '../activities/purchases/index.ts'
import type * as subscriptions from '../activities/subscriptions/index.ts'
import type { Posting } from '../domain/ledger/accounts.ts'
import { partialRefundTemplate, purchaseTemplate, releasePendingTemplate, reversalOf, settleShares } from '../domain/ledger/templates.ts'
import { CodedError } from '../domain/coded-error.ts'
import { money } from '../domain/money.ts'
import { splitPurchase } from '../domain/revenue-split.ts'
import { addMonthsClamped, trialEnd } from '../domain/subscriptions/billing-calendar.ts'
import { DEFAULT_CANCELLATION_POLICY, planCancellation, planPause, planResume } from '../domain/subscriptions/cancellation.ts'
import { periodPrice, type Plan } from '../domain/subscriptions/catalog.ts'
import { DEFAULT_DUNNING_POLICY, nextDunningStep, nextRebillStep, PROCESSOR_REBILL_POLICIES, type RebillingProcessor } from '../domain/subscriptions/dunning.ts'
import { planTierChange } from '../domain/subscriptions/proration.ts'
import { promoPrice } from '../domain/subscriptions/promo.ts'
import { purchaseKey } from './purchase-ppv.contract.ts'
import { chargebackNoticeSignal, refundNoticeSignal } from './purchase-ppv.ts'
import {
  cancelUpdate, changeTierUpdate, chargeKey, pauseUpdate, priceChangeSignal, resumeUpdate, SUBSCRIPTION_REFUSALS,
  subscriptionEventSignal, subscriptionStateQuery, type CycleRecord, type SubscriptionArgs, type SubscriptionOutcome, type SubscriptionProcessorEvent,
  type SubscriptionQuote, type SubscriptionState,
} from './subscription.contract.ts'

type Activities = ReturnType<typeof subscriptions.createSubscriptionActivities> & ReturnType<typeof finance.createPurchaseActivities>
  & ReturnType<typeof ledger.createLedgerActivities>
// charges, ledger writes and mails carry idempotency keys: retrying them is always safe, so a months-long workflow
// rides out an outage (backing off to every 10 minutes) instead of failing; refusals are non-retryable and still fail fast
const act = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumInterval: '10m' } })

const HISTORY_KEPT = 24
const EVENTS_REMEMBERED = 200
const iso = (ms: number) => new Date(ms).toISOString()
const nowMs = () => new Date().getTime()
const nowIso = () => new Date().toISOString()
const ms = (at: string) => new Date(at).getTime()

const initialState = (args: SubscriptionArgs): SubscriptionState => ({
  status: 'PENDING', access: 'NONE', tierId: args.input.tierId, periodMonths: args.input.periodMonths, price: 0, cycle: 0, anchor: null,
  anchorCycle: 0, subscriptionRef: null, currentPeriod: null, nextBillingAt: null, cancelAtPeriodEnd: false, pausedAt: null, resumeAt: null,
  pendingTierId: null, pendingPrice: null, dunning: null, holds: [], history: [], endedAt: null, endReason: null,
})

export async function subscription(args: SubscriptionArgs): Promise<SubscriptionOutcome> {
  const { input } = args
  const { workflowId, runId } = workflowInfo()
  let quote: SubscriptionQuote | undefined = args.quote
  const state: SubscriptionState = args.state ?? initialState(args)
  const seen = new Set(args.seenEventIds ?? [])
  // notices and processor events not yet handled when the last run continued as new
  const events: SubscriptionProcessorEvent[] = [...(args.events ?? [])]
  /** set by a chargeback or an immediate cancel: the run ends the subscription at its next step */
  let endNow: { status: 'CANCELLED'; reason: string; notice: string } | null = null
  /** read through a function: handlers set it between awaits, which flow narrowing cannot see */
  const ending = () => endNow
  /** an update changed the schedule (pause, resume, cancel): waits re-evaluate */
  let changed = false
  /** a charge or booking is under way; updates that move money wait for it */
  let busy = false
  const notices: NonNullable<SubscriptionArgs['notices']> = [...(args.notices ?? [])]

  const live = () => ['TRIALING', 'ACTIVE', 'PAST_DUE', 'GRACE', 'PAUSED'].includes(state.status)
  setHandler(subscriptionStateQuery, () => (quote ? state : null))
  setHandler(subscriptionEventSignal, (e) => {
    if (seen.has(e.eventId)) return
    seen.add(e.eventId)
    events.push(e)
  })
  // a chargeback or refund of one charge takes its share back: that hold is never released
  const dropHold = (match: (h: SubscriptionState['holds'][number]) => boolean) => { state.holds = state.holds.filter((h) => !match(h)) }
  setHandler(chargebackNoticeSignal, ({ transactionId }) => {
    // without the charge named, no hold is dropped: its release pays only what the chargeback left in pending (nothing)
    dropHold((h) => h.transactionId === transactionId)
    if (live()) endNow ??= { status: 'CANCELLED', reason: 'chargeback', notice: 'subscriptionChargedBack' }
    changed = true
  })
  setHandler(refundNoticeSignal, ({ refundWorkflowId }) => {
    dropHold((h) => refundWorkflowId === `refund:${h.purchaseId}`)
    changed = true
  })
  setHandler(priceChangeSignal, (c) => {
    if (c.tierId !== state.tierId) return
    state.pendingPrice = { priceChangeId: c.priceChangeId, amount: c.amount, effectiveFrom: c.effectiveFrom }
    notices.push({ key: `price:${c.priceChangeId}`, notice: 'subscriptionPriceChange', amount: c.amount, at: c.effectiveFrom })
    changed = true
  })

  const q = (): SubscriptionQuote => quote!
  const planOf = (): Plan => ({ id: input.planId, creatorId: q().creatorId, brand: q().brand as Plan['brand'], currency: q().currency as Plan['currency'],
    tiers: q().tiers, bundles: q().bundles, trialDays: q().trialDays })
  const refuse = (message: string, code: string): never => { throw ApplicationFailure.nonRetryable(message, code) }
  /**
   * Runs a domain rule inside an update handler: a rule's error becomes the update's refusal (an ApplicationFailure),
   * never a failed workflow task retried forever.
   */
  const rule = <T>(decide: () => T): T => {
    try {
      return decide()
    } catch (err) {
      if (err instanceof CodedError) return refuse(err.message, err.code)
      throw err
    }
  }
  /** Removes and returns the queued processor events of one type, keeping the others queued. */
  const takeEvents = (type: SubscriptionProcessorEvent['type']) => {
    const taken = events.filter((e) => e.type === type)
    events.splice(0, events.length, ...events.filter((e) => e.type !== type))
    return taken
  }

  async function sync(): Promise<void> {
    await act.recordSubscription({ subscriptionId: input.subscriptionId, state, fanId: input.fanId, creatorId: q().creatorId, brand: q().brand })
    for (const n of notices.splice(0)) {
      await act.notifySubscriber({ idempotencyKey: `${workflowId}:notice:${n.key}`, to: q().fanEmail, name: q().fanName, brand: q().brand,
        creatorId: q().creatorId, notice: n.notice, ...(n.amount ? { amount: { amount: n.amount, currency: q().currency } } : {}), at: n.at ?? null })
    }
  }
  const notify = (key: string, notice: string, amount?: number, at?: string | null) => notices.push({ key: `${state.cycle}:${key}`, notice, amount, at })

  async function remember(record: CycleRecord, ledgerEntryId: string | null): Promise<void> {
    state.history = [...state.history, record].slice(-HISTORY_KEPT)
    await act.recordCycle({ subscriptionId: input.subscriptionId, workflowId, record, ledgerEntryId, currency: q().currency })
  }

  /** The purchase row of a charge (refunds and chargebacks find charges there), created before the money moves. */
  async function openPurchase(amount: number): Promise<string> {
    const purchaseId = uuid4()
    await act.recordPurchase({ purchaseId, status: 'PENDING', create: { workflowId, kind: 'subscription', fanId: input.fanId, creatorId: q().creatorId,
      postId: null, brand: q().brand, amount, currency: q().currency, processor: input.processor } })
    return purchaseId
  }

  /** Books a charge the processor took: sale entry, purchase row (so refunds and chargebacks find it), share hold. */
  async function book(c: { purchaseId: string; kind: CycleRecord['kind']; attempt: number; amount: number; transactionId: string; processorFee: number
    period: { start: string; end: string }; booked: { postings?: Posting[]; entryId?: string } }): Promise<void> {
    const split = splitPurchase({ gross: money(c.amount, q().currency), taxBps: q().taxBps, creatorShareBps: q().creatorShareBps,
      processorFee: { kind: 'reported', amount: c.processorFee }, referral: q().referral, at: nowIso() })
    const settled = settleShares(split, q().settlement)
    const sale = purchaseTemplate({ brand: q().brand, currency: q().currency, fanId: input.fanId, creatorId: q().creatorId, processor: input.processor,
      jurisdiction: input.jurisdiction, split, settled })
    c.booked.postings = sale.postings
    const posted = await act.postJournalEntry({ idempotencyKey: purchaseKey(c.purchaseId, 'sale'), kind: 'subscription', brand: q().brand,
      memo: `subscription ${c.kind} (cycle ${state.cycle}) by fan ${input.fanId} to creator ${q().creatorId} via ${input.processor}`,
      postings: sale.postings, ...(settled.fx ? { fx: settled.fx } : {}),
      metadata: { purchaseId: c.purchaseId, subscriptionId: input.subscriptionId, cycle: state.cycle, transactionId: c.transactionId, shareRuleId: q().shareRuleId } })
    c.booked.entryId = posted.entryId
    await act.recordPurchase({ purchaseId: c.purchaseId, status: 'COMPLETED', transactionId: c.transactionId, ledgerEntryId: posted.entryId,
      split: settled.fx ? { ...split, settled } : split })
    if (settled.creator > 0) {
      state.holds.push({ purchaseId: c.purchaseId, transactionId: c.transactionId, amount: settled.creator, currency: settled.currency,
        releaseAt: iso(nowMs() + q().chargebackWindowDays * 86_400_000) })
    }
    await remember({ cycle: state.cycle, kind: c.kind, attempt: c.attempt, status: 'PAID', amount: c.amount, periodStart: c.period.start,
      periodEnd: c.period.end, transactionId: c.transactionId, purchaseId: c.purchaseId, failureCode: null, at: nowIso(), runId }, posted.entryId)
  }

  /** Charges through the driver and books it; a decline is an answer (recorded), not a failure. */
  async function charge(kind: CycleRecord['kind'], attempt: number, amount: number, period: { start: string; end: string }):
    Promise<{ ok: true } | { ok: false; code: string }> {
    busy = true
    try {
      const purchaseId = await openPurchase(amount)
      const periodDays = Math.round((ms(period.end) - ms(period.start)) / 86_400_000)
      const result = await act.chargeFan({ processor: input.processor, idempotencyKey: chargeKey(input.subscriptionId, state.cycle, kind, attempt),
        paymentToken: input.paymentToken, amount, currency: q().currency, description: `${q().planName} subscription (${kind})`,
        reference: { workflowId, fanId: input.fanId },
        // the processor rebills by itself from the first charge on when it owns the rebilling
        ...(q().renewalMode === 'PROCESSOR' && kind === 'initial' ? { recurring: { periodDays, rebillAmount: state.price } } : {}) })
      if (result.status === 'declined') {
        await act.recordPurchase({ purchaseId, status: 'DECLINED', transactionId: result.transactionId, declineCode: result.decline })
        await remember({ cycle: state.cycle, kind, attempt, status: 'FAILED', amount, periodStart: period.start, periodEnd: period.end,
          transactionId: result.transactionId, purchaseId, failureCode: result.decline, at: nowIso(), runId }, null)
        return { ok: false, code: result.decline }
      }
      if ('subscriptionRef' in result && typeof result.subscriptionRef === 'string') state.subscriptionRef = result.subscriptionRef
      const booked: { postings?: Posting[]; entryId?: string } = {}
      try {
        await book({ purchaseId, kind, attempt, amount, transactionId: result.transactionId, processorFee: result.processorFee, period, booked })
      } catch (err) {
        // the money must not stay taken when it cannot be booked: reverse what was posted, hold nothing, give it back
        if (booked.postings && booked.entryId) {
          await act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'sale:reversal'), kind: 'subscription_reversal', brand: q().brand,
            memo: 'reversal: a subscription charge that could not be booked', postings: reversalOf(booked.postings), reversesId: booked.entryId })
        }
        dropHold((h) => h.purchaseId === purchaseId)
        await remember({ cycle: state.cycle, kind, attempt, status: 'FAILED', amount, periodStart: period.start, periodEnd: period.end,
          transactionId: result.transactionId, purchaseId, failureCode: 'BOOKING_FAILED', at: nowIso(), runId }, null).catch(() => undefined)
        await act.refundCharge({ processor: input.processor, idempotencyKey: purchaseKey(purchaseId, 'refund'), transactionId: result.transactionId,
          amount, currency: q().currency, reason: 'subscription charge could not be booked' })
        await act.recordPurchase({ purchaseId, status: 'FAILED', transactionId: result.transactionId, failureReason: err instanceof Error ? err.message : String(err) })
        throw err
      }
      return { ok: true }
    } finally {
      busy = false
    }
  }

  /** Releases the creator shares whose chargeback window has passed (only what refunds left in pending). */
  async function releaseDueHolds(): Promise<void> {
    for (const h of state.holds.filter((x) => ms(x.releaseAt) <= nowMs())) {
      const remaining = Math.min(h.amount, await act.pendingShareOf({ purchaseId: h.purchaseId }))
      // a chargeback or refund notice may have dropped the hold while the balance was read
      if (remaining > 0 && state.holds.some((x) => x.purchaseId === h.purchaseId)) {
        const release = releasePendingTemplate({ brand: q().brand, currency: h.currency, creatorId: q().creatorId, amount: remaining })
        await act.postJournalEntry({ idempotencyKey: purchaseKey(h.purchaseId, 'release'), kind: 'creator_share_release', memo: release.memo,
          brand: q().brand, postings: release.postings, metadata: { purchaseId: h.purchaseId, subscriptionId: input.subscriptionId } })
      }
      dropHold((x) => x.purchaseId === h.purchaseId)
    }
  }

  /**
   * Waits until `at`, releasing holds as they fall due, or until an update or a notice changes what to do; true when
   * `at` was reached.
   */
  async function waitUntil(at: string, alsoWake: () => boolean = () => false): Promise<boolean> {
    changed = false
    for (;;) {
      await releaseDueHolds()
      const next = Math.min(ms(at), ...state.holds.map((h) => ms(h.releaseAt)))
      const left = next - nowMs()
      if (left > 0 && await condition(() => endNow !== null || changed || alsoWake(), left)) return false
      if (nowMs() >= ms(at)) return true
    }
  }

  async function end(status: 'CANCELLED' | 'ENDED' | 'FAILED', reason: string, notice: string | null): Promise<SubscriptionOutcome> {
    if (q().renewalMode === 'PROCESSOR' && status !== 'FAILED') {
      await act.stopRebilling({ processor: input.processor, idempotencyKey: `${workflowId}:stop`, subscriptionRef: state.subscriptionRef, reason })
    }
    Object.assign(state, { status, access: 'NONE', endedAt: nowIso(), endReason: reason, nextBillingAt: null, dunning: null })
    if (notice) notify('end', notice)
    await sync()
    // the shares of the last charges are still inside their chargeback window
    endNow = null
    while (state.holds.length > 0) await waitUntil(state.holds.map((h) => h.releaseAt).sort().at(-1)!)
    await condition(allHandlersFinished)
    return { status, endReason: reason, cycles: state.cycle + (state.history.some((h) => h.status === 'PAID') ? 1 : 0) }
  }

  // ---- updates: validated synchronously (refusals never reach the history), applied between the run's steps

  /** The charge that paid for a period (not an upgrade's proration, not a refund). */
  const periodCharge = (period: { start: string }) => [...state.history].reverse()
    .find((h) => h.status === 'PAID' && h.periodStart === period.start && ['initial', 'renewal', 'retry'].includes(h.kind))
  /** After waiting for a charge to finish, the subscription may have ended meanwhile (a chargeback, another cancel). */
  const stillLive = () => { if (!live() || ending()) refuse('This subscription is not active any more.', SUBSCRIPTION_REFUSALS.notActive) }

  setHandler(cancelUpdate, async (r) => {
    await condition(() => !busy)
    stillLive()
    const period = state.currentPeriod!
    if (ms(period.end) <= nowMs()) {
      // unpaid (dunning): nothing to refund, nothing left to wait for
      endNow = { status: 'CANCELLED', reason: `cancelled by ${r.by}: ${r.reason}`, notice: 'subscriptionCancelled' }
      return { mode: 'immediate', accessUntil: nowIso(), refund: 0 }
    }
    const paid = periodCharge(period)
    // renewed ahead (an early rebill): the new period counts as starting now
    const plan = rule(() => planCancellation(DEFAULT_CANCELLATION_POLICY, { mode: r.mode, period, paid: money(paid?.amount ?? 0, q().currency),
      now: iso(Math.max(nowMs(), ms(period.start))) }))
    if (plan.mode === 'period-end') {
      state.cancelAtPeriodEnd = true
      notify('cancel', 'subscriptionCancelled', undefined, plan.accessUntil)
      changed = true
      await sync()
      return { mode: 'period-end', accessUntil: plan.accessUntil, refund: 0 }
    }
    let refund = 0
    if (plan.refund.amount > 0 && paid?.purchaseId && paid.transactionId) {
      busy = true
      try {
        const sale = await act.bookedSaleOf({ purchaseId: paid.purchaseId })
        const result = await act.refundCharge({ processor: input.processor, idempotencyKey: `${workflowId}:cancel-refund`, transactionId: paid.transactionId,
          amount: plan.refund.amount, currency: q().currency, reason: r.reason })
        const entry = partialRefundTemplate({ original: sale.salePostings, refund: plan.refund.amount, creatorShareStillPending: !sale.released })
        const posted = await act.postJournalEntry({ idempotencyKey: `${workflowId}:cancel-refund:ledger`, kind: 'subscription_refund', memo: entry.memo,
          brand: q().brand, postings: entry.postings, reversesId: sale.saleEntryId, metadata: { refundId: result.refundId, reason: r.reason, by: r.by } })
        refund = plan.refund.amount
        await remember({ cycle: state.cycle, kind: 'refund', attempt: 1, status: 'REFUNDED', amount: refund, periodStart: period.start, periodEnd: period.end,
          transactionId: result.refundId, purchaseId: paid.purchaseId, failureCode: null, at: nowIso(), runId }, posted.entryId)
      } finally {
        busy = false
      }
    }
    endNow = { status: 'CANCELLED', reason: `cancelled by ${r.by}: ${r.reason}`, notice: 'subscriptionCancelled' }
    if (refund > 0) notices.push({ key: `${state.cycle}:cancel-refund`, notice: 'subscriptionCancelled', amount: refund })
    return { mode: 'immediate', accessUntil: plan.accessUntil, refund }
  }, { validator: (r) => {
    if (!live() || !state.currentPeriod || endNow) refuse('This subscription is not active.', SUBSCRIPTION_REFUSALS.notActive)
    if (r.mode === 'period-end' && state.cancelAtPeriodEnd) refuse('This subscription already ends at the end of the period.', SUBSCRIPTION_REFUSALS.notActive)
  } })

  setHandler(pauseUpdate, async ({ days }) => {
    const plan = rule(() => planPause(DEFAULT_CANCELLATION_POLICY, { pausedAt: state.pausedAt, days, now: nowIso() }))
    if (!plan.ok) return refuse(plan.message, plan.code)
    Object.assign(state, { status: 'PAUSED', access: 'NONE', pausedAt: plan.pausedAt, resumeAt: plan.resumeAt })
    changed = true
    await sync()
    return { pausedAt: plan.pausedAt, resumeAt: plan.resumeAt }
  }, { validator: ({ days }) => {
    if (!['ACTIVE', 'TRIALING'].includes(state.status) || endNow) refuse('Only an active subscription can be paused.', SUBSCRIPTION_REFUSALS.notActive)
    if (q().renewalMode === 'PROCESSOR') refuse(`${input.processor} rebills on its own schedule; this subscription cannot be paused, only cancelled.`, 'PAUSE_NOT_SUPPORTED')
    const plan = rule(() => planPause(DEFAULT_CANCELLATION_POLICY, { pausedAt: state.pausedAt, days, now: nowIso() }))
    if (!plan.ok) refuse(plan.message, plan.code)
  } })

  const resume = async () => {
    const plan = rule(() => planResume(DEFAULT_CANCELLATION_POLICY, { pausedAt: state.pausedAt, nextBillingAt: state.nextBillingAt!, now: nowIso() }))
    if (!plan.ok) return refuse(plan.message, plan.code)
    const periodEnd = plan.nextBillingAt
    Object.assign(state, { status: state.anchor ? 'ACTIVE' : 'TRIALING', access: 'FULL', pausedAt: null, resumeAt: null, nextBillingAt: periodEnd,
      currentPeriod: state.currentPeriod ? { start: state.currentPeriod.start, end: periodEnd } : null,
      ...(state.anchor ? { anchor: periodEnd, anchorCycle: state.cycle + 1 } : {}) })
    changed = true
    await sync()
    return { nextBillingAt: periodEnd }
  }
  setHandler(resumeUpdate, resume, { validator: () => {
    if (state.status !== 'PAUSED' || endNow) refuse('This subscription is not paused.', 'PAUSE_NOT_PAUSED')
  } })

  setHandler(changeTierUpdate, async ({ tierId }) => {
    await condition(() => !busy)
    stillLive()
    const tiers = q().tiers
    const [from, to] = [tiers.find((t) => t.id === state.tierId)!, tiers.find((t) => t.id === tierId)!]
    const period = state.currentPeriod!
    // after an upgrade in this period the fan holds the current tier at its list price; before, what the period's charge paid
    const upgraded = state.history.some((h) => h.status === 'PAID' && h.kind === 'upgrade' && h.periodStart === period.start)
    const held = upgraded ? periodPrice(planOf(), from.id, state.periodMonths).amount : periodCharge(period)?.amount ?? 0
    const plan = rule(() => planTierChange({ from: { tierId: from.id, rank: from.rank, price: money(held, q().currency) },
      to: { tierId: to.id, rank: to.rank, price: periodPrice(planOf(), to.id, state.periodMonths) }, period, now: iso(Math.max(nowMs(), ms(period.start))) }))
    if ('ok' in plan) return refuse(plan.message, plan.code)
    if (plan.kind === 'downgrade') {
      state.pendingTierId = tierId
      await sync()
      return { kind: 'downgrade', effectiveAt: plan.effectiveAt, amountCharged: 0, nextRenewal: plan.nextRenewal.amount }
    }
    if (plan.amountDue > 0) {
      const attempt = state.history.filter((h) => h.cycle === state.cycle && h.kind === 'upgrade').length + 1
      const charged = await charge('upgrade', attempt, plan.amountDue, period)
      if (!charged.ok) return refuse(`The upgrade charge was declined (${charged.code}); you stay on ${from.name}.`, SUBSCRIPTION_REFUSALS.declined)
    }
    Object.assign(state, { tierId, price: plan.nextRenewal.amount, pendingTierId: null })
    await sync()
    return { kind: 'upgrade', effectiveAt: plan.effectiveAt, amountCharged: plan.amountDue, nextRenewal: plan.nextRenewal.amount }
  }, { validator: ({ tierId }) => {
    if (!['ACTIVE'].includes(state.status) || endNow || !state.currentPeriod) refuse('Only an active, paid subscription can change tier.', SUBSCRIPTION_REFUSALS.notActive)
    if (q().renewalMode === 'PROCESSOR') refuse(`${input.processor} rebills the amount agreed at the start; cancel and subscribe to the other tier instead.`, 'TIER_CHANGE_NOT_SUPPORTED')
    if (!q().tiers.some((t) => t.id === tierId)) refuse(`The plan has no tier ${tierId}.`, SUBSCRIPTION_REFUSALS.unknownTier)
    if (tierId === state.tierId) refuse('You are already on this tier.', 'TIER_UNCHANGED')
  } })

  // ---- the first run opens the subscription: a free trial, or the first charge

  if (!quote) {
    try {
      quote = await act.openSubscription(input)
    } catch (err) {
      // refused (plan gone, promo used up, already subscribed): nothing was charged; the API shows the code
      throw err
    }
    state.price = quote.price
    const now = nowIso()
    if (quote.trialDays > 0) {
      const ends = trialEnd(now, quote.trialDays)
      Object.assign(state, { status: 'TRIALING', access: 'FULL', currentPeriod: { start: now, end: ends }, nextBillingAt: ends })
      await remember({ cycle: 0, kind: 'trial', attempt: 1, status: 'FREE', amount: 0, periodStart: now, periodEnd: ends, transactionId: null,
        purchaseId: null, failureCode: null, at: now, runId }, null)
      notify('started', 'subscriptionStarted', undefined, ends)
      await sync()
    } else {
      const period = { start: now, end: addMonthsClamped(now, state.periodMonths) }
      const first = quote.promo ? promoPrice({ ...quote.promo, planId: input.planId, tierIds: null, maxRedemptions: null, oncePerFan: false,
        validFrom: now, validUntil: null }, money(quote.price, quote.currency), 0).amount : quote.price
      const charged = await charge('initial', 1, first, period)
      if (!charged.ok) return end('FAILED', `first charge declined: ${charged.code}`, null)
      Object.assign(state, { status: 'ACTIVE', access: 'FULL', anchor: now, anchorCycle: 0, currentPeriod: period, nextBillingAt: period.end })
      notify('started', 'subscriptionStarted', first, period.end)
      await sync()
    }
  }

  // ---- one period: wait for its end (or a pause, a cancel, a chargeback, an early rebill), then renew

  // a processor may rebill ahead of the due date (its clock, its retries): the renewal then happens on arrival
  const rebillQueued = () => q().renewalMode === 'PROCESSOR' && state.anchor !== null && events.some((e) => e.type === 'rebill')
  for (;;) {
    if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
    // notices queued by signals (a price change) go out now, not at the next renewal
    if (notices.length > 0) await sync()
    if (state.pausedAt) {
      if (await waitUntil(state.resumeAt!, () => state.pausedAt === null)) await resume()
      continue
    }
    for (const e of takeEvents('cancellation')) {
      // the processor stopped rebilling (e.g. the fan cancelled with them): access runs to the period end
      state.cancelAtPeriodEnd = true
      notify(`processor-cancel:${e.eventId}`, 'subscriptionCancelled', undefined, state.currentPeriod?.end ?? null)
      await sync()
    }
    if (rebillQueued()) break
    if (await waitUntil(state.nextBillingAt!, () => events.some((e) => e.type === 'cancellation') || rebillQueued() || notices.length > 0)) break
  }

  if (state.cancelAtPeriodEnd) return end('ENDED', 'cancelled at period end', 'subscriptionEnded')

  // the trial ended, or a paid period did: the next paid cycle
  const trialOnly = state.anchor === null
  const nextCycle = trialOnly ? 0 : state.cycle + 1
  const dueAt = state.nextBillingAt!
  if (state.pendingTierId) {
    // the downgrade waited for this renewal: the new tier's price from now on
    Object.assign(state, { tierId: state.pendingTierId, pendingTierId: null, price: periodPrice(planOf(), state.pendingTierId, state.periodMonths).amount })
  }
  const renewal = await act.renewalPrice({ planId: input.planId, tierId: state.tierId, periodMonths: state.periodMonths, at: dueAt,
    current: trialOnly ? q().price : state.price })
  state.price = renewal.price
  if (renewal.priceChangeId && state.pendingPrice?.priceChangeId === renewal.priceChangeId) state.pendingPrice = null
  const amount = q().promo ? promoPrice({ ...q().promo!, planId: input.planId, tierIds: null, maxRedemptions: null, oncePerFan: false,
    validFrom: dueAt, validUntil: null }, money(state.price, q().currency), nextCycle).amount : state.price
  const anchor = trialOnly ? dueAt : state.anchor!
  const anchorCycle = trialOnly ? 0 : state.anchorCycle
  const period = { start: dueAt, end: addMonthsClamped(anchor, state.periodMonths * (nextCycle + 1 - anchorCycle)) }
  state.cycle = nextCycle

  let paid = false
  if (q().renewalMode === 'MERCHANT' || trialOnly) {
    // we charge; a decline starts our dunning: retries on a schedule, grace with restricted access, then cancellation
    let attempts = 0
    const failedAt = nowIso()
    if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
    let result = await charge(trialOnly ? 'initial' : 'renewal', 1, amount, period)
    while (!result.ok) {
      const step = nextDunningStep(DEFAULT_DUNNING_POLICY, { failedAt, attempts, now: nowIso() })
      if (step.action === 'cancel') return end('CANCELLED', 'unpaid', step.notice)
      Object.assign(state, { status: step.action === 'grace' ? 'GRACE' : 'PAST_DUE', access: step.access === 'full' ? 'FULL' : 'RESTRICTED',
        dunning: { failedAt, attempts, step: step.key }, nextBillingAt: step.action === 'retry' ? step.at : null })
      notify(`dunning:${step.key}`, step.notice, amount, step.action === 'retry' ? step.at : step.until)
      await sync()
      if (step.action === 'grace') {
        if (await waitUntil(step.until)) return end('CANCELLED', 'unpaid', 'subscriptionCancelledUnpaid')
        if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
        continue
      }
      if (!(await waitUntil(step.at))) {
        if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
        continue
      }
      attempts += 1
      if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
      result = await charge('retry', attempts, amount, period)
    }
    paid = true
  } else {
    // the processor rebills by itself: expect its notice by the due date, then our grace, then cancellation
    const policy = PROCESSOR_REBILL_POLICIES[input.processor as RebillingProcessor]
    let failed = false
    while (!paid) {
      for (const e of events.splice(0)) {
        if (e.type === 'rebill') {
          await book({ purchaseId: await openPurchase(e.amount ?? amount), kind: 'renewal', attempt: 1, amount: e.amount ?? amount, transactionId: e.transactionId,
            processorFee: e.processorFee ?? 0, period, booked: {} })
          paid = true
        } else if (e.type === 'rebill_failed') {
          failed = true
          await remember({ cycle: state.cycle, kind: 'renewal', attempt: 1, status: 'FAILED', amount, periodStart: period.start, periodEnd: period.end,
            transactionId: e.transactionId, purchaseId: null, failureCode: 'PROCESSOR_DECLINED', at: nowIso(), runId }, null)
        } else {
          state.cancelAtPeriodEnd = true
        }
      }
      if (paid) break
      if (state.cancelAtPeriodEnd) return end('ENDED', 'cancelled at the processor', 'subscriptionEnded')
      const step = nextRebillStep(policy, { dueAt, now: nowIso(), failed })
      if (step.action === 'cancel') return end('CANCELLED', 'unpaid', step.notice)
      if (step.action === 'grace' && state.status !== 'GRACE') {
        Object.assign(state, { status: 'GRACE', access: 'RESTRICTED', dunning: { failedAt: dueAt, attempts: 0, step: 'grace' } })
        notify('rebill:grace', step.notice, amount, step.until)
        await sync()
      }
      await waitUntil(step.until, () => events.length > 0)
      if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
    }
  }

  Object.assign(state, { status: 'ACTIVE', access: 'FULL', dunning: null, anchor, anchorCycle, currentPeriod: period, nextBillingAt: period.end })
  await sync()
  await condition(allHandlersFinished)
  // a chargeback or an immediate cancel that came in while this renewal ran ends the subscription here
  if (ending()) return end(ending()!.status, ending()!.reason, ending()!.notice)
  return continueAsNew<typeof subscription>({ input, quote: q(), state, seenEventIds: [...seen].slice(-EVENTS_REMEMBERED), events, notices })
}
