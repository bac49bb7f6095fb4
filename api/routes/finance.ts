/** Finance read models for the back office: purchases, ledger entries and accounts, trial balance, statements. */
import { Router, type Response } from 'express'
import { z } from 'zod'
import type pg from 'pg'
import type { Db } from '../../prisma/client.ts'
import { createLedgerReads } from '../../activities/ledger/reads.ts'
import { balanceSheet, profitAndLoss, toCsv } from '../../domain/ledger/reports.ts'
import { isCurrency } from '../../domain/money.ts'
import { authorize } from '../authz.ts'
import { audit } from '../audit.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

const purchaseList = listQuery(['createdAt', 'amount', 'id'], z.object({
  status: z.enum(['PENDING', 'COMPLETED', 'DECLINED', 'FAILED', 'REFUNDED', 'CHARGED_BACK']).optional(),
  processor: z.string().optional(), fanId: z.string().uuid().optional() }))
const entryList = listQuery(['createdAt', 'id'], z.object({ workflowId: z.string().optional(), kind: z.string().optional(), brand: z.string().optional() }))
const accountList = listQuery(['key', 'balance', 'id'], z.object({ brand: z.string().optional(), kind: z.string().optional(), owner: z.string().optional() }))
const fxList = listQuery(['asOf', 'base', 'quote'], z.object({ base: z.string().optional(), quote: z.string().optional() }))
const currencyCode = z.string().refine(isCurrency, 'must be a supported ISO currency code (USD, EUR, GBP, CAD, AUD, JPY, USDC)')
const fxBody = z.object({
  base: currencyCode,
  quote: currencyCode,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf is a day, YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'asOf is not a real day')
    .refine((d) => d <= new Date().toISOString().slice(0, 10), 'asOf cannot be in the future'),
  rate: z.string().regex(/^\d{1,10}(\.\d{1,10})?$/, 'rate is a positive decimal with at most 10 decimals, as text ("1.0850")')
    .refine((r) => Number(r) > 0, 'rate must be more than zero'),
  source: z.string().trim().min(2, 'say where the rate comes from (e.g. ECB reference rate)').max(200),
}).strict().refine((b) => b.base !== b.quote, { message: 'base and quote must differ', path: ['quote'] })
const fxView = (r: { base: string; quote: string; asOf: Date; rate: { toString(): string }; source: string }) =>
  ({ id: `${r.base}/${r.quote}/${r.asOf.toISOString().slice(0, 10)}`, base: r.base, quote: r.quote, asOf: r.asOf.toISOString().slice(0, 10),
    rate: r.rate.toString(), source: r.source })
const bigintId = z.object({ id: z.string().regex(/^\d{1,18}$/, 'id must be a number') })

const purchaseView = (p: { ledgerEntryId: bigint | null } & Record<string, unknown>) => ({ ...p, ledgerEntryId: p.ledgerEntryId?.toString() ?? null })
type EntryRow = { id: bigint; idempotencyKey: string; kind: string; memo: string; brand: string; createdAt: Date; workflowId: string | null
  runId: string | null; activityType: string | null; reversesId: bigint | null
  postings: { amount: bigint; currency: string; account: { key: string; kind: string; owner: string | null } }[] }
const entryView = (e: EntryRow) => ({ ...e, id: e.id.toString(), reversesId: e.reversesId?.toString() ?? null,
  postings: e.postings.map((p) => ({ accountKey: p.account.key, kind: p.account.kind, owner: p.account.owner, currency: p.currency, amount: Number(p.amount) })) })
const entryInclude = { postings: { include: { account: true }, orderBy: { id: 'asc' as const } } }

export function createFinanceRouter({ db, pool }: { db: Db; pool: pg.Pool }): Router {
  const router = Router()
  const reads = createLedgerReads(pool)
  const finance = authorize('finance', 'read')

  /** Every purchase and tip, newest first. */
  router.get('/purchases', finance, async (req, res) => {
    const q = purchaseList.parse(req.query)
    const orderBy = req.query.sort ? q.orderBy : { createdAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.purchase.findMany({ where: q.filter, orderBy, skip: q.skip, take: q.take }), db.purchase.count({ where: q.filter })])
    sendPage(res, 'purchases', q.skip, rows.map(purchaseView), total)
  })

  /** Journal entries with their postings and the workflow run that caused each. */
  router.get('/ledger-entries', finance, async (req, res) => {
    const q = entryList.parse(req.query)
    const orderBy = req.query.sort ? q.orderBy : { createdAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.journalEntry.findMany({ where: q.filter, orderBy, skip: q.skip, take: q.take, include: entryInclude }),
      db.journalEntry.count({ where: q.filter })])
    sendPage(res, 'ledger-entries', q.skip, rows.map(entryView), total)
  })
  router.get('/ledger-entries/:id', finance, async (req, res) => {
    const row = await db.journalEntry.findUnique({ where: { id: BigInt(bigintId.parse(req.params).id) }, include: entryInclude })
    if (!row) throw new DomainError('notFound', 'No such journal entry.')
    res.json(entryView(row))
  })

  /** Accounts and their balances (posted, and reserved by pending transfers). */
  router.get('/ledger-accounts', finance, async (req, res) => {
    const q = accountList.parse(req.query)
    const [rows, total] = await Promise.all([db.ledgerAccount.findMany({ where: q.filter, orderBy: q.orderBy, skip: q.skip, take: q.take }),
      db.ledgerAccount.count({ where: q.filter })])
    sendPage(res, 'ledger-accounts', q.skip, rows.map((a) => ({ id: a.id.toString(), key: a.key, brand: a.brand, currency: a.currency, kind: a.kind,
      owner: a.owner, balance: Number(a.balance), pendingDebits: Number(a.pendingDebits), pendingCredits: Number(a.pendingCredits) })), total)
  })

  /** Exchange rates by day (newest first); the rate a sale used is also kept on its entry. */
  router.get('/fx-rates', finance, async (req, res) => {
    const q = fxList.parse(req.query)
    const orderBy = req.query.sort ? q.orderBy : { asOf: 'desc' as const }
    const [rows, total] = await Promise.all([db.fxRate.findMany({ where: q.filter, orderBy, skip: q.skip, take: q.take }), db.fxRate.count({ where: q.filter })])
    sendPage(res, 'fx-rates', q.skip, rows.map(fxView), total)
  })
  /** Records the day's rate of a pair; a day's rate is fixed once sales may have used it (409 on a second write). */
  router.post('/fx-rates', authorize('finance', 'manage'), async (req, res) => {
    const b = fxBody.parse(req.body)
    const key = { base: b.base, quote: b.quote, asOf: new Date(`${b.asOf}T00:00:00Z`) }
    const existing = await db.fxRate.findUnique({ where: { base_quote_asOf: key } })
    if (existing) throw new DomainError('conflict', `The ${b.base}/${b.quote} rate of ${b.asOf} is ${existing.rate.toString()} already; sales may have used it.`)
    const row = await db.fxRate.create({ data: { ...key, rate: b.rate, source: b.source } }).catch((err: unknown) => {
      // a concurrent write of the same day won the race
      if ((err as { code?: string }).code === 'P2002') throw new DomainError('conflict', `The ${b.base}/${b.quote} rate of ${b.asOf} was just recorded.`)
      throw err
    })
    await audit(db, req, { action: 'fx_rate.create', resourceType: 'fx_rate', resourceId: `${b.base}/${b.quote}/${b.asOf}`, details: { rate: b.rate, source: b.source } })
    res.status(201).location(`/api/fx-rates?filter=${encodeURIComponent(JSON.stringify({ base: b.base, quote: b.quote }))}`).json(fxView(row))
  })

  /** Debits and credits per currency over all accounts; balanced when every net is zero. */
  router.get('/reports/trial-balance', finance, async (_req, res) => {
    const rows = await reads.trialBalance()
    res.json({ rows, balanced: rows.every((r) => r.net === 0) })
  })
  /** Profit and loss for a period (default: the last 30 days), JSON or ?format=csv. */
  router.get('/reports/pnl', finance, async (req, res) => {
    const q = reportQuery.parse(req.query)
    const to = q.to ?? new Date()
    const pnl = profitAndLoss(await reads.kindTotals({ from: q.from ?? new Date(to.getTime() - 30 * DAY), to, brand: q.brand }), q.currency)
    send(res, q.format, `pnl-${q.currency}.csv`, { ...pnl, from: q.from, to }, [...pnl.revenue.map((l) => ({ section: 'revenue', ...l })),
      ...pnl.expenses.map((l) => ({ section: 'expense', ...l })), { section: 'net income', kind: '', code: '', amount: pnl.netIncome }])
  })

  /** Balance sheet at a moment (default: now), JSON or ?format=csv. */
  router.get('/reports/balance-sheet', finance, async (req, res) => {
    const q = reportQuery.parse(req.query)
    const at = q.to ?? new Date()
    const bs = balanceSheet(await reads.kindTotals({ from: new Date(0), to: at, brand: q.brand }), q.currency)
    send(res, q.format, `balance-sheet-${q.currency}.csv`, { ...bs, at }, [...bs.assets.map((l) => ({ section: 'asset', ...l })),
      ...bs.liabilities.map((l) => ({ section: 'liability', ...l })), { section: 'equity', kind: '', code: 'retained earnings', amount: bs.equity }])
  })

  /** A creator's statement: what we owe them, pending and available, line by line; JSON or ?format=csv. */
  router.get('/reports/creator-statement', finance, async (req, res) => {
    const q = reportQuery.extend({ creatorId: z.string().uuid('creatorId must be a UUID') }).parse(req.query)
    const to = q.to ?? new Date()
    const statement = await reads.creatorStatement({ creatorId: q.creatorId, currency: q.currency, from: q.from ?? new Date(to.getTime() - 30 * DAY), to })
    send(res, q.format, `statement-${q.creatorId}.csv`, statement, statement.lines)
  })
  return router
}

const DAY = 86_400_000
const reportQuery = z.object({
  currency: z.string().refine(isCurrency, 'currency must be a supported ISO code').default('USD'),
  from: z.coerce.date().optional(), to: z.coerce.date().optional(), brand: z.string().optional(),
  format: z.enum(['json', 'csv']).default('json'),
})

function send(res: Response, format: 'json' | 'csv', filename: string, body: unknown, rows: Record<string, string | number | null>[]): void {
  if (format === 'json') return void res.json(body)
  res.type('text/csv').attachment(filename).send(toCsv(rows))
}
