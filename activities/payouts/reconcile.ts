/** Reconciliation of a payout run: what the ledger says we paid against each rail's own report; a case per difference. */
import type { Db } from '../../prisma/client.ts'
import type { PayoutRailName } from '../../domain/payouts/destinations.ts'
import { payoutKey } from '../../workflows/payouts.contract.ts'
import type { RailReportLine } from './rail.ts'
import { heartbeat } from './runs.ts'
import type { PayoutRails } from './sending.ts'

/** The rail statuses that agree with each item status. */
const AGREES: Record<string, readonly RailReportLine['status'][]> = {
  PAID: ['settled'], RETURNED: ['returned', 'failed'], FAILED: ['failed', 'returned'], SENT: ['sent', 'settled'], SENDING: ['sent', 'settled'],
}
const DAY = 86_400_000

type Case = { rail: string; kind: string; providerRef: string; itemId: string | null; ledgerAmount: number | null; railAmount: number | null; currency: string; detail: string }

/** Compares one rail's report lines with the run's items on that rail. Pure, so the rules read in one place. */
export function differences(rail: string, items: { id: string; providerRef: string; reference?: string | null; amount: number; currency: string; status: string }[],
  lines: RailReportLine[], knownElsewhere: Set<string>): Case[] {
  const byRef = new Map(lines.map((l) => [l.providerRef, l]))
  // a bank's statement may name a payment by its own reference, not the one its status report gave: ours (EndToEndId) then matches
  const byOurs = new Map(lines.filter((l) => l.reference).map((l) => [l.reference!, l]))
  const matched = new Set<RailReportLine>()
  const cases: Case[] = []
  for (const it of items) {
    const line = byRef.get(it.providerRef) ?? (it.reference ? byOurs.get(it.reference) : undefined)
    if (line) matched.add(line)
    const base = { rail, providerRef: it.providerRef, itemId: it.id, ledgerAmount: it.amount, currency: it.currency }
    if (!line) {
      cases.push({ ...base, kind: 'MISSING_AT_RAIL', railAmount: null, detail: `The ledger shows a ${it.status} payout the ${rail} report does not list.` })
      continue
    }
    if (line.amount !== it.amount || line.currency !== it.currency) {
      cases.push({ ...base, kind: 'AMOUNT_MISMATCH', railAmount: line.amount,
        detail: `The ledger sent ${it.amount} ${it.currency}; the ${rail} report shows ${line.amount} ${line.currency}.` })
    }
    if (!(AGREES[it.status] ?? []).includes(line.status)) {
      cases.push({ ...base, kind: 'STATUS_MISMATCH', railAmount: line.amount, detail: `The ledger has this payout ${it.status}; the ${rail} report says ${line.status}.` })
    }
  }
  for (const line of lines) {
    if (matched.has(line) || knownElsewhere.has(line.providerRef) || (line.reference && knownElsewhere.has(line.reference))) continue
    cases.push({ rail, kind: 'UNKNOWN_AT_RAIL', providerRef: line.providerRef, itemId: null, ledgerAmount: null, railAmount: line.amount, currency: line.currency,
      detail: `The ${rail} report lists a ${line.status} payout of ${line.amount} ${line.currency} that no ledger entry explains.` })
  }
  return cases
}

export function createReconciliationActivities({ db, rails }: { db: Db; rails: PayoutRails }) {
  return {
    /** Reconciles every rail the run used; returns how many open cases the run has. A rerun adds no duplicate case. */
    async reconcilePayoutRun({ runId }: { runId: string }): Promise<{ cases: number }> {
      const run = await db.payoutRun.findUniqueOrThrow({ where: { id: runId } })
      const items = await db.payoutItem.findMany({ where: { runId, providerRef: { not: null }, rail: { not: null } },
        select: { id: true, rail: true, providerRef: true, amount: true, currency: true, status: true, workflowId: true } })
      const range = { from: new Date(run.startedAt.getTime() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() }
      for (const rail of new Set(items.map((i) => i.rail as PayoutRailName))) {
        const driver = rails[rail]
        if (!driver) continue
        heartbeat(`reading the ${rail} report`)
        const lines = await driver.report(range)
        const mine = items.filter((i) => i.rail === rail).map((i) => ({ id: i.id, providerRef: i.providerRef!, amount: i.amount ?? 0, currency: i.currency,
          status: i.status, reference: driver.referenceOf?.(payoutKey(i.workflowId, `send:${rail}`)) ?? null }))
        const refs = lines.map((l) => l.providerRef).filter((r) => !mine.some((m) => m.providerRef === r))
        const elsewhere = new Set((await db.payoutItem.findMany({ where: { rail, providerRef: { in: refs } }, select: { providerRef: true } })).map((r) => r.providerRef!))
        const found = differences(rail, mine, lines, elsewhere)
        if (found.length > 0) await db.reconciliationCase.createMany({ data: found.map((c) => ({ ...c, runId })), skipDuplicates: true })
      }
      return { cases: await db.reconciliationCase.count({ where: { runId, status: 'OPEN' } }) }
    },
  }
}
