/** Activities of a payout run: open it (release due reserves, select creators), page through its items, track progress. */
import { Context } from '@temporalio/activity'
import type pg from 'pg'
import type { Db } from '../../prisma/client.ts'
import { reserveReleaseTemplate } from '../../domain/ledger/payout-templates.ts'
import { payCreatorWorkflowId } from '../../workflows/payouts.contract.ts'
import type { LedgerStore } from '../ledger/store.ts'
import { currentCause } from '../ledger/cause.ts'
import { payoutSettingsOf } from './settings.ts'

/** Item statuses after which a payout's child has nothing left to do. */
export const FINAL_ITEM_STATUSES = ['BLOCKED', 'PAID', 'RETURNED', 'FAILED', 'REJECTED', 'EXPIRED', 'UNCONFIRMED'] as const

export type RunDeps = { db: Db; pool: pg.Pool; ledger: LedgerStore }

/** Heartbeats when running as an activity (a no-op in scripts and tests that call the functions directly). */
export function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details)
  } catch {
    // not inside an activity
  }
}

export function createPayoutRunActivities({ db, pool, ledger }: RunDeps) {
  /** Reserves whose holding period ended go back to the creators' available balances (one entry each, keyed by reserve). */
  async function releaseDueReserves(brand: string, asOf: Date): Promise<number> {
    const due = await db.payoutReserve.findMany({ where: { brand, releasedAt: null, releaseAt: { lte: asOf } }, take: 10_000 })
    for (let i = 0; i < due.length; i += 500) {
      const batch = due.slice(i, i + 500)
      heartbeat(`releasing reserves ${i}/${due.length}`)
      await ledger.postEntries(batch.map((r) => {
        const e = reserveReleaseTemplate({ brand, currency: r.currency, creatorId: r.creatorId, amount: r.amount })
        return { idempotencyKey: `payout-reserve:${r.id}:release`, kind: 'payout_reserve_release', brand, memo: e.memo, postings: e.postings }
      }), currentCause())
      await db.payoutReserve.updateMany({ where: { id: { in: batch.map((r) => r.id) } }, data: { releasedAt: new Date() } })
    }
    return due.length
  }

  return {
    /**
     * Opens the run's record (once per workflow id), releases reserves that came due, and selects every creator whose
     * net available balance (available less what they owe back) meets the brand's minimum and their own.
     */
    async openPayoutRun(input: { workflowId: string; brand: string; trigger: string; asOf: string }): Promise<{ runId: string; creators: number }> {
      const settings = await payoutSettingsOf(db, input.brand)
      const run = await db.payoutRun.upsert({ where: { workflowId: input.workflowId }, update: {},
        create: { workflowId: input.workflowId, brand: input.brand, currency: settings.currency, trigger: input.trigger, asOf: new Date(input.asOf), settings } })
      await releaseDueReserves(input.brand, new Date(input.asOf))
      heartbeat('reserves released')
      // one statement, whatever the number of creators; a retried activity selects nobody twice
      await pool.query(
        `INSERT INTO payout_items (id, run_id, workflow_id, creator_id, brand, currency, available)
         SELECT gen_random_uuid(), $1, $2 || a.owner, a.owner::uuid, a.brand, a.currency, -a.balance
         FROM ledger_accounts a
         LEFT JOIN ledger_accounts r ON r.key = a.brand || ':' || a.currency || ':creator_receivable:' || a.owner
         LEFT JOIN payout_preferences pp ON pp.person_id = a.owner::uuid
         WHERE a.brand = $3 AND a.currency = $4 AND a.kind = 'creator_available'
           AND -a.balance - greatest(coalesce(r.balance, 0), 0) >= greatest($5::int, coalesce(pp.minimum, 0), 1)
         ON CONFLICT (run_id, creator_id) DO NOTHING`,
        [run.id, payCreatorWorkflowId(input.workflowId, ''), input.brand, settings.currency, settings.minimum])
      const creators = await db.payoutItem.count({ where: { runId: run.id } })
      await db.payoutRun.update({ where: { id: run.id }, data: { creators, status: 'PAYING' } })
      return { runId: run.id, creators }
    },

    /** The next page of a run's items in creator order, after `after` (a creator id). */
    async nextPayoutItems(input: { runId: string; after: string | null; limit: number }) {
      const items = await db.payoutItem.findMany({ where: { runId: input.runId, ...(input.after ? { creatorId: { gt: input.after } } : {}) },
        orderBy: { creatorId: 'asc' }, take: input.limit, select: { id: true, creatorId: true, workflowId: true, currency: true, status: true } })
      return items
    },

    /** How many of the run's items are still open, and counts per status. */
    async payoutRunProgress({ runId }: { runId: string }) {
      const rows = await db.payoutItem.groupBy({ by: ['status'], where: { runId }, _count: { _all: true } })
      const byStatus = Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>
      const total = rows.reduce((s, r) => s + r._count._all, 0)
      const open = rows.filter((r) => !(FINAL_ITEM_STATUSES as readonly string[]).includes(r.status)).reduce((s, r) => s + r._count._all, 0)
      return { total, open, byStatus }
    },

    /** Moves the run's record to its next stage. */
    async setPayoutRunStatus({ runId, status }: { runId: string; status: 'PAYING' | 'SETTLING' | 'RECONCILING' | 'COMPLETED' }) {
      await db.payoutRun.update({ where: { id: runId }, data: { status, ...(status === 'COMPLETED' ? { finishedAt: new Date() } : {}) } })
    },
  }
}
