/** A creator's own payouts in the studio: balances, payout history, statement, payout methods, tax form, minimum. */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import type pg from 'pg'
import type { Db } from '../../prisma/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import { createLedgerReads } from '../../activities/ledger/reads.ts'
import { DESTINATION_PURPOSE } from '../../activities/payouts/sending.ts'
import { toCsv } from '../../domain/ledger/reports.ts'
import { isCurrency } from '../../domain/money.ts'
import { checkDestination } from '../../domain/payouts/destination-checks.ts'
import { maskDestination } from '../../domain/payouts/destination-mask.ts'
import { PAYOUT_RAIL_NAMES, type PayoutDestination } from '../../domain/payouts/destinations.ts'
import { checkTaxForm } from '../../domain/payouts/tax-forms.ts'
import { nextPayoutAt, type PayoutWhen } from '../../domain/payouts/schedule.ts'
import { creatorGateDetail, type GateResult } from '../../domain/payouts/gates.ts'
import { payoutsTaskQueue, verifyPayoutMethodWorkflowId } from '../../workflows/payouts.contract.ts'
import { verifyPayoutMethod } from '../../workflows/index.ts'
import { audit } from '../audit.ts'
import { signedInId } from '../auth.ts'
import { DomainError } from '../errors.ts'

const uuid = (v: unknown) => z.uuid('id must be a UUID').parse(v)
const DAY = 86_400_000
/** Ledger account codes of a creator's money, and how the studio names them. */
const BALANCES = { creator_pending: 'pending', creator_available: 'available', payouts_in_transit: 'inTransit', reserves: 'reserved', creator_receivable: 'owed' } as const

/** The gates as the creator sees them: a hold's internal note (compliance, a disputed transaction) stays with finance. */
const creatorGates = (gates: unknown) => (Array.isArray(gates) ? gates as GateResult[] : []).map((g) => ({ ...g, detail: creatorGateDetail(g) }))

/** The shape of each rail's destination (the rules — checksums, lengths, countries — are checkDestination's). */
const text = z.string().max(200)
const destinationSchema = z.discriminatedUnion('rail', [
  z.object({ rail: z.literal('paxum'), holderName: text, email: text }),
  z.object({ rail: z.literal('wise'), holderName: text, currency: text, country: text, iban: text.optional(), accountNumber: text.optional(), bankCode: text.optional() }),
  z.object({ rail: z.literal('ach'), holderName: text, routingNumber: text, accountNumber: text, accountType: z.enum(['checking', 'savings']) }),
  z.object({ rail: z.literal('wire'), holderName: text, iban: text, bic: text, country: text }),
  z.object({ rail: z.literal('crypto'), address: text }),
])

type Deps = { db: Db; pool: pg.Pool; temporal: Client; pii: PiiCipher; configuredRails: readonly string[] }

export function createCreatorPayoutRouter({ db, pool, temporal, pii, configuredRails }: Deps): Router {
  const router = Router()
  const reads = createLedgerReads(pool)
  const me = (req: Request) => signedInId(req)
  const methodView = (m: Awaited<ReturnType<Db['payoutMethod']['findUniqueOrThrow']>>) =>
    ({ id: m.id, rail: m.rail, display: m.display, priority: m.priority, status: m.status, failure: m.failure, verifiedAt: m.verifiedAt, createdAt: m.createdAt })

  /** What the platform owes me per brand and currency: pending (chargeback window), available, in transit, reserved, owed back. */
  router.get('/me/payouts/balances', async (req, res) => {
    const rows = await pool.query<{ brand: string; currency: string; kind: keyof typeof BALANCES; balance: string }>(
      `SELECT brand, currency, kind, balance::text FROM ledger_accounts WHERE owner = $1 AND kind = ANY($2)`, [me(req), Object.keys(BALANCES)])
    const books = new Map<string, Record<string, number | string>>()
    for (const r of rows.rows) {
      const key = `${r.brand}:${r.currency}`
      const book = books.get(key) ?? { brand: r.brand, currency: r.currency, pending: 0, available: 0, inTransit: 0, reserved: 0, owed: 0 }
      // credit-normal accounts hold what we owe as a negative balance; the receivable (debit-normal) what they owe us
      book[BALANCES[r.kind]] = r.kind === 'creator_receivable' ? Number(r.balance) : -Number(r.balance)
      books.set(key, book)
    }
    const settings = await db.payoutSetting.findMany({ where: { brand: { in: [...books.values()].map((b) => String(b.brand)) } } })
    const preference = await db.payoutPreference.findUnique({ where: { personId: me(req) } })
    res.json([...books.values()].map((b) => {
      const s = settings.find((x) => x.brand === b.brand)
      return { ...b, minimum: Math.max(s?.minimum ?? 0, preference?.minimum ?? 0), cadence: s?.cadence ?? null, reservePercent: (s?.reserveBps ?? 0) / 100,
        // when the brand's schedule runs next (finance may pause it or run it early)
        nextPayoutAt: s ? nextPayoutAt({ ...s, cadence: s.cadence as PayoutWhen['cadence'] }, new Date().toISOString()) : null }
    }))
  })

  /** My payouts, newest first: amount, status, rail, when sent and settled, and why one failed. */
  router.get('/me/payouts', async (req, res) => {
    const rows = await db.payoutItem.findMany({ where: { creatorId: me(req) }, orderBy: { createdAt: 'desc' }, take: 100 })
    res.json(rows.map((r) => ({ id: r.id, brand: r.brand, currency: r.currency, status: r.status, amount: r.amount, reserve: r.reserve, netted: r.netted,
      rail: r.rail, sentAt: r.sentAt, settledAt: r.settledAt, reason: r.status === 'BLOCKED' ? null : r.failureMessage,
      gates: r.status === 'BLOCKED' ? creatorGates(r.gates) : null, createdAt: r.createdAt })))
  })

  /** My statement: every movement of what I am owed, with running balance; JSON or ?format=csv. */
  router.get('/me/payouts/statement', async (req, res) => {
    const q = z.object({ currency: z.string().refine(isCurrency, 'currency must be a supported ISO code').default('USD'),
      from: z.coerce.date().optional(), to: z.coerce.date().optional(), format: z.enum(['json', 'csv']).default('json') }).parse(req.query)
    const to = q.to ?? new Date()
    const statement = await reads.creatorStatement({ creatorId: me(req), currency: q.currency, from: q.from ?? new Date(to.getTime() - 90 * DAY), to })
    if (q.format === 'json') return void res.json(statement)
    res.type('text/csv').attachment(`statement-${q.currency}.csv`).send(toCsv(statement.lines))
  })

  /** My payout methods (masked), in the order rails are tried. */
  router.get('/me/payout-methods', async (req, res) => {
    const rows = await db.payoutMethod.findMany({ where: { personId: me(req), status: { not: 'REMOVED' } }, orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }] })
    res.json({ methods: rows.map(methodView), rails: PAYOUT_RAIL_NAMES.filter((r) => configuredRails.includes(r)) })
  })

  /**
   * Adds a payout method, or changes my method on that rail: a new record, pending until its rail verifies it, while the
   * old one stays live (payouts already sent are never redirected); I am mailed either way. Checked here (IBAN, routing
   * number, address...), then verified with the rail by a workflow: 202.
   */
  router.post('/me/payout-methods', async (req, res) => {
    const body = z.object({ destination: destinationSchema, priority: z.number().int().min(0).max(9).optional() }).parse(req.body)
    if (!configuredRails.includes(body.destination.rail)) throw new DomainError('railUnavailable', `Payouts by ${body.destination.rail} are not available here.`)
    const checked = checkDestination(body.destination as PayoutDestination)
    if (!checked.ok) throw new DomainError('invalidDestination', checked.message, { code: checked.code, field: checked.field })
    const personId = me(req)
    const destination = await pii.encrypt(personId, DESTINATION_PURPOSE, JSON.stringify(checked.destination))
    const method = await db.$transaction(async (tx) => {
      // a pending or failed earlier change on this rail is replaced; the verified method stays live until this one is verified
      await tx.payoutMethod.updateMany({ where: { personId, rail: checked.destination.rail, status: { in: ['PENDING_VERIFICATION', 'FAILED'] } },
        data: { status: 'REMOVED', removedAt: new Date() } })
      return tx.payoutMethod.create({ data: { personId, rail: checked.destination.rail, destination, display: maskDestination(checked.destination), priority: body.priority ?? 0 } })
    }).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'P2002') throw new DomainError('methodExists', 'Another change of this payout method is being saved; try again in a moment.')
      throw err
    })
    const handle = await temporal.workflow.start(verifyPayoutMethod, { workflowId: verifyPayoutMethodWorkflowId(method.id), taskQueue: payoutsTaskQueue, args: [{ methodId: method.id }] })
    await audit(db, req, { action: 'payout_method.add', resourceType: 'payout_method', resourceId: method.id, workflowId: handle.workflowId, details: { rail: method.rail, display: method.display } })
    res.status(202).location(`/api/me/payout-methods/${method.id}`).json(methodView(method))
  })

  /** One of my payout methods (poll it after adding: PENDING_VERIFICATION -> VERIFIED or FAILED with the rail's reason). */
  router.get('/me/payout-methods/:id', async (req, res) => {
    const m = await db.payoutMethod.findFirst({ where: { id: uuid(req.params.id), personId: me(req) } })
    if (!m) throw new DomainError('notFound', 'No such payout method.')
    res.json(methodView(m))
  })

  /** Changes the order a method is tried in (0 first). */
  router.patch('/me/payout-methods/:id', async (req, res) => {
    const { priority } = z.object({ priority: z.number().int().min(0).max(9) }).parse(req.body)
    const m = await db.payoutMethod.findFirst({ where: { id: uuid(req.params.id), personId: me(req), status: { not: 'REMOVED' } } })
    if (!m) throw new DomainError('notFound', 'No such payout method.')
    res.json(methodView(await db.payoutMethod.update({ where: { id: m.id }, data: { priority } })))
  })

  /** Removes a payout method (kept, marked REMOVED, for the payout history). */
  router.delete('/me/payout-methods/:id', async (req, res) => {
    const m = await db.payoutMethod.findFirst({ where: { id: uuid(req.params.id), personId: me(req), status: { not: 'REMOVED' } } })
    if (!m) throw new DomainError('notFound', 'No such payout method.')
    await db.payoutMethod.update({ where: { id: m.id }, data: { status: 'REMOVED', removedAt: new Date() } })
    await audit(db, req, { action: 'payout_method.remove', resourceType: 'payout_method', resourceId: m.id })
    res.status(204).end()
  })

  /** My tax form on file (kind, country, TIN last four, signed and expiry dates), or null. */
  router.get('/me/tax-form', async (req, res) => {
    const f = await db.taxForm.findFirst({ where: { personId: me(req) }, orderBy: { signedAt: 'desc' } })
    res.json(f ? { id: f.id, kind: f.kind, country: f.country, tinLast4: f.tinLast4, signedAt: f.signedAt, expiresAt: f.expiresAt } : null)
  })

  /** Signs a tax form (W-9 for US persons, W-8BEN / W-8BEN-E otherwise); the TIN and signature are stored encrypted. */
  router.post('/me/tax-form', async (req, res) => {
    const body = z.object({ kind: z.string(), country: z.string(), tin: z.string(), signedName: z.string() }).parse(req.body)
    const now = new Date()
    const checked = checkTaxForm({ ...body, signedAt: now.toISOString() })
    if (!checked.ok) throw new DomainError('invalidTaxForm', checked.message, { code: checked.code, field: checked.field })
    const personId = me(req)
    const f = await db.taxForm.create({ data: { personId, kind: checked.form.kind, country: checked.form.country, tinLast4: checked.form.tin.slice(-4),
      tin: await pii.encrypt(personId, 'tax_forms.tin', checked.form.tin), signedName: await pii.encrypt(personId, 'tax_forms.signed_name', checked.form.signedName),
      signedAt: now, expiresAt: checked.form.expiresAt ? new Date(checked.form.expiresAt) : null } })
    await audit(db, req, { action: 'tax_form.sign', resourceType: 'tax_form', resourceId: f.id, details: { kind: f.kind, country: f.country } })
    res.status(201).json({ id: f.id, kind: f.kind, country: f.country, tinLast4: f.tinLast4, signedAt: f.signedAt, expiresAt: f.expiresAt })
  })

  /** My own payout minimum: I am paid only once my available balance reaches it (never below the brand's). */
  router.put('/me/payout-preferences', async (req, res) => {
    const { minimum } = z.object({ minimum: z.number().int().min(0).max(100_000_000) }).parse(req.body)
    const p = await db.payoutPreference.upsert({ where: { personId: me(req) }, update: { minimum, updatedAt: new Date() }, create: { personId: me(req), minimum } })
    res.json({ minimum: p.minimum })
  })
  return router
}
