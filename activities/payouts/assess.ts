/** Assessing one creator's payout: gather the facts (KYC, tax form, holds, methods, balances, history), apply the rules. */
import type pg from 'pg'
import type { Db } from '../../prisma/client.ts'
import { approvalNeeded } from '../../domain/payouts/approval.ts'
import type { PayoutRailName } from '../../domain/payouts/destinations.ts'
import { creatorGateDetail, evaluateGates, type GateFacts } from '../../domain/payouts/gates.ts'
import { accountKey } from '../../domain/ledger/accounts.ts'
import { createLedgerReads } from '../ledger/reads.ts'
import { railAttemptOrder } from '../../domain/payouts/rail-order.ts'
import { payoutSettingsOf } from './settings.ts'

export type Assessment = {
  payable: boolean
  amount: number
  reserve: number
  netted: number
  reserveDays: number
  blockedBy: string[]
  /** the failed gates' sentences as the creator reads them (a hold's internal note left out) */
  blockedDetail: string
  approval: { reason: string; detail: string } | null
  rails: PayoutRailName[]
}

/** How long after a takedown the creator's payouts wait (the takedown's appeal window): a moderation freeze. */
const TAKEDOWN_FREEZE_DAYS = 14

export function createPayoutAssessActivities({ db, pool }: { db: Db; pool: pg.Pool }) {
  const reads = createLedgerReads(pool)
  /** What the ledger says: available (we owe them, payable) and receivable (they owe us back), in minor units. */
  async function balances(brand: string, currency: string, creatorId: string) {
    const [available, receivable] = (['creatorAvailable', 'creatorReceivable'] as const).map((kind) => accountKey({ kind, brand, currency, owner: creatorId }))
    const found = await reads.balances([available!, receivable!])
    const of = (k: string) => found.get(k)?.balance ?? 0
    // credit-normal: what we owe is the negated balance; the receivable (debit-normal) is what they owe us
    return { available: -of(available!), receivable: Math.max(0, of(receivable!)) }
  }

  /** Open holds: set by finance or compliance, open chargeback disputes, and recent takedowns (moderation freezes). */
  async function holdsOf(creatorId: string, brand: string, now: Date): Promise<GateFacts['holds']> {
    const [manual, disputes, takedowns] = await Promise.all([
      db.payoutHold.findMany({ where: { personId: creatorId, releasedAt: null, OR: [{ brand: null }, { brand }] } }),
      db.chargebackCase.findMany({ where: { creatorId, status: 'OPEN' }, select: { transactionId: true, processor: true } }),
      db.mediaItem.findMany({ where: { creatorId, status: 'TAKEN_DOWN', takenDownAt: { gt: new Date(now.getTime() - TAKEDOWN_FREEZE_DAYS * 86_400_000) } },
        select: { title: true, takenDownAt: true } }),
    ])
    return [
      ...manual.map((h) => ({ reason: h.reason, note: h.note, until: h.until?.toISOString() ?? null })),
      ...disputes.map((d) => ({ reason: 'DISPUTE', note: `open chargeback ${d.processor} ${d.transactionId}`, until: null })),
      ...takedowns.map((t) => ({ reason: 'MODERATION_FREEZE', note: `"${t.title}" was taken down`,
        until: new Date(t.takenDownAt!.getTime() + TAKEDOWN_FREEZE_DAYS * 86_400_000).toISOString() })),
    ]
  }

  return {
    /**
     * Applies the payout gates and the approval rule to one item and records the verdict on it. After an approval,
     * `approvedAmount` caps what is paid: finance approved that much, never more.
     */
    async assessPayout({ itemId, approvedAmount }: { itemId: string; approvedAmount?: number }): Promise<Assessment> {
      const item = await db.payoutItem.findUniqueOrThrow({ where: { id: itemId } })
      const now = new Date()
      const settings = await payoutSettingsOf(db, item.brand)
      const [kyc, taxForm, holds, methods, money, preference, history] = await Promise.all([
        db.kycCase.findFirst({ where: { personId: item.creatorId, purpose: 'creator' }, orderBy: { createdAt: 'desc' }, select: { status: true, expiresAt: true } }),
        db.taxForm.findFirst({ where: { personId: item.creatorId }, orderBy: { signedAt: 'desc' } }),
        holdsOf(item.creatorId, item.brand, now),
        db.payoutMethod.findMany({ where: { personId: item.creatorId, status: 'VERIFIED' }, orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }] }),
        balances(item.brand, item.currency, item.creatorId),
        db.payoutPreference.findUnique({ where: { personId: item.creatorId } }),
        db.payoutItem.findMany({ where: { creatorId: item.creatorId, brand: item.brand, currency: item.currency, status: 'PAID', id: { not: itemId } },
          orderBy: { settledAt: 'desc' }, take: 12, select: { amount: true } }),
      ])
      const verdict = evaluateGates({
        now: now.toISOString(),
        kyc: kyc ? { status: kyc.status.toUpperCase(), expiresAt: kyc.expiresAt?.toISOString() ?? null } : null,
        taxForm: taxForm ? { kind: taxForm.kind as 'W-9', signedAt: taxForm.signedAt.toISOString(), expiresAt: taxForm.expiresAt?.toISOString() ?? null } : null,
        holds,
        method: methods[0] ? { rail: methods[0].rail as PayoutRailName, verifiedAt: methods[0].verifiedAt?.toISOString() ?? null } : null,
        balances: money,
        minimum: Math.max(settings.minimum, preference?.minimum ?? 0),
        reservePercent: settings.reserveBps / 100,
        currency: item.currency,
      })
      const amount = approvedAmount === undefined ? verdict.amount : Math.min(verdict.amount, approvedAmount)
      const approval = approvedAmount === undefined && verdict.payable
        ? approvalNeeded({ amount, threshold: settings.approvalThreshold, history: history.map((h) => h.amount ?? 0), currency: item.currency }) : null
      const failed = verdict.gates.filter((g) => !g.passed)
      const blockedBy = failed.map((g) => g.gate)
      await db.payoutItem.update({ where: { id: itemId }, data: { gates: verdict.gates, amount, reserve: verdict.reserve, netted: verdict.netted,
        available: Math.max(0, money.available), ...(verdict.payable ? {} : { status: 'BLOCKED', failureCode: blockedBy[0] ?? null,
          failureMessage: failed.map((g) => g.detail).join(' ') }), updatedAt: now } })
      const rails = railAttemptOrder(methods.map((m) => ({ id: m.id, rail: m.rail as PayoutRailName, verifiedAt: m.verifiedAt?.toISOString() ?? null, priority: m.priority })))
        .map((m) => m.rail)
      return { payable: verdict.payable && amount > 0, amount, reserve: verdict.reserve, netted: verdict.netted, reserveDays: settings.reserveDays, blockedBy, blockedDetail: failed.map(creatorGateDetail).join(' '),
        approval: approval ? { reason: approval.reason, detail: approval.detail } : null, rails }
    },
  }
}
