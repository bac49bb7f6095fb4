/** The deals finance staff set: creator revenue share rules and referrals, each change audited. */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import { decide } from '../../domain/authz.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { audit } from '../audit.ts'
import { authorize } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'
import { financeBrandWhere } from './chargebacks.ts'

// a form submitted a moment ago still means "from now"
const CLOCK_SKEW_MS = 60_000

const bps = (field: string) => z.number(`${field} must be a number of basis points`).int(`${field} must be a whole number of basis points (100 = 1 %)`)
  .min(0, `${field} cannot be negative`).max(10_000, `${field} cannot exceed 10000 (100 %)`)
const brand = z.string('brand is required').refine(isBrandSlug, 'brand must be one of the brand slugs')
const instant = (field: string) => z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 date and time` }).transform((s) => new Date(s))
const reason = z.string('reason is required').trim().min(3, 'reason: say why, in a few words').max(500)
const ruleBody = z.object({ brand, creatorId: z.uuid('creatorId must be a UUID').nullish(), creatorShareBps: bps('creatorShareBps'),
  validFrom: instant('validFrom').nullish(), validTo: instant('validTo').nullish(), reason }).strict()
const referralBody = z.object({ brand, creatorId: z.uuid('creatorId must be a UUID'), referrerId: z.uuid('referrerId must be a UUID'),
  bps: bps('bps'), endsAt: instant('endsAt') }).strict()
const endBody = z.object({ reason })
const ruleList = listQuery(['validFrom', 'createdAt', 'creatorShareBps'], z.object({ brand: z.string().optional(), creatorId: z.uuid().optional() }))
const referralList = listQuery(['createdAt', 'endsAt', 'bps'], z.object({ brand: z.string().optional(), creatorId: z.uuid().optional(),
  referrerId: z.uuid().optional() }))

/** Parses a body into a 400 whose message names every bad field, so the back office can show it as is. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  throw new DomainError('validation', details.map((d) => (d.message.startsWith(d.path) ? d.message : `${d.path}: ${d.message}`)).join('; '), details)
}

const ruleView = <T extends { validFrom: Date; validTo: Date | null }>(r: T, now = new Date()) =>
  ({ ...r, status: r.validTo && r.validTo <= now ? 'ended' : r.validFrom > now ? 'scheduled' : 'active' })
const referralView = <T extends { startsAt: Date; endsAt: Date }>(r: T, now = new Date()) =>
  ({ ...r, status: r.endsAt <= now ? 'ended' : r.startsAt > now ? 'scheduled' : 'active' })

export function createFinanceRulesRouter({ db }: { db: Db }): Router {
  const router = Router()
  const read = authorize('finance', 'read')
  const manage = authorize('finance', 'manage', (req) => (typeof req.body?.brand === 'string' ? req.body.brand : undefined))
  const mayManage = (req: Request, slug: string) => {
    if (!decide(req.person!.roles, 'finance', 'manage', slug)) throw new DomainError('forbidden', `You may not manage finance on ${slug}.`)
  }
  /** A creator is a person holding a creator grant on that brand (or on every brand). */
  const creatorOn = async (slug: string, creatorId: string) => {
    const grant = await db.roleGrant.findFirst({ where: { personId: creatorId, role: 'creator', OR: [{ brand: { slug } }, { brandId: null }] } })
    if (!grant) throw new DomainError('unknownCreator', `No creator ${creatorId} on ${slug}.`)
  }
  const find = async <T>(req: Request, load: (id: string) => Promise<T | null>, what: string): Promise<T> => {
    const row = await load(z.uuid('id must be a UUID').parse(req.params.id))
    if (!row) throw new DomainError('notFound', `No such ${what}.`)
    return row
  }

  /** Revenue share rules, newest first: the brand default (no creator) and per-creator deals. */
  router.get('/revenue-share-rules', read, async (req, res) => {
    const q = ruleList.parse(req.query)
    const f = q.filter as { brand?: string; creatorId?: string }
    const where = { ...f, ...financeBrandWhere(req, f.brand) }
    const orderBy = req.query.sort ? q.orderBy : { validFrom: 'desc' as const }
    const [rows, total] = await Promise.all([db.revenueShareRule.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.revenueShareRule.count({ where })])
    sendPage(res, 'revenue-share-rules', q.skip, rows.map((r) => ruleView(r)), total)
  })
  router.get('/revenue-share-rules/:id', read, async (req, res) => {
    const rule = await find(req, (id) => db.revenueShareRule.findUnique({ where: { id } }), 'revenue share rule')
    if (!decide(req.person!.roles, 'finance', 'read', rule.brand)) throw new DomainError('notFound', 'No such revenue share rule.')
    res.json(ruleView(rule))
  })

  /** A new share deal from validFrom (default now); it governs sales quoted from then on, never sales already booked. */
  router.post('/revenue-share-rules', manage, async (req, res) => {
    const b = parse(ruleBody, req.body)
    const now = new Date()
    const validFrom = b.validFrom ?? now
    if (validFrom.getTime() < now.getTime() - CLOCK_SKEW_MS) {
      throw new DomainError('invalidPeriod', 'validFrom is in the past: booked sales keep the share they were booked with.')
    }
    if (b.validTo && b.validTo <= validFrom) throw new DomainError('invalidPeriod', 'validTo must be after validFrom.')
    if (b.creatorId) await creatorOn(b.brand, b.creatorId)
    const rule = await db.revenueShareRule.create({ data: { brand: b.brand, creatorId: b.creatorId ?? null, creatorShareBps: b.creatorShareBps,
      validFrom, validTo: b.validTo ?? null, reason: b.reason, createdBy: req.person!.id } })
    await audit(db, req, { action: 'revenue_share_rule.create', resourceType: 'revenue_share_rule', resourceId: rule.id, reason: b.reason,
      details: { brand: rule.brand, creatorId: rule.creatorId, creatorShareBps: rule.creatorShareBps, validFrom, validTo: rule.validTo } })
    res.status(201).location(`/api/revenue-share-rules/${rule.id}`).json(ruleView(rule))
  })

  /** Ends a rule in force now; the next rule in force (or the 80 % default) governs later sales. */
  router.post('/revenue-share-rules/:id/end', authorize('finance', 'manage'), async (req, res) => {
    const rule = await find(req, (id) => db.revenueShareRule.findUnique({ where: { id } }), 'revenue share rule')
    mayManage(req, rule.brand)
    const { reason: why } = parse(endBody, req.body)
    const now = new Date()
    if (rule.validFrom > now) throw new DomainError('notStarted', `This rule starts at ${rule.validFrom.toISOString()}; it cannot end before it starts.`)
    // conditional update: of two operators ending the same rule, one wins and the other is told
    const { count } = await db.revenueShareRule.updateMany({ where: { id: rule.id, OR: [{ validTo: null }, { validTo: { gt: now } }] }, data: { validTo: now } })
    if (count === 0) throw new DomainError('alreadyEnded', 'This rule has already ended.')
    await audit(db, req, { action: 'revenue_share_rule.end', resourceType: 'revenue_share_rule', resourceId: rule.id, reason: why, details: { validTo: now } })
    res.json(ruleView({ ...rule, validTo: now }, now))
  })

  /** Referrals, newest first. */
  router.get('/referrals', read, async (req, res) => {
    const q = referralList.parse(req.query)
    const f = q.filter as { brand?: string; creatorId?: string; referrerId?: string }
    const where = { ...f, ...financeBrandWhere(req, f.brand) }
    const orderBy = req.query.sort ? q.orderBy : { createdAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.referral.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.referral.count({ where })])
    sendPage(res, 'referrals', q.skip, rows.map((r) => referralView(r)), total)
  })
  router.get('/referrals/:id', read, async (req, res) => {
    const referral = await find(req, (id) => db.referral.findUnique({ where: { id } }), 'referral')
    if (!decide(req.person!.roles, 'finance', 'read', referral.brand)) throw new DomainError('notFound', 'No such referral.')
    res.json(referralView(referral))
  })

  /** Who brought a creator to a brand: one referral per brand and creator, from now until endsAt. */
  router.post('/referrals', manage, async (req, res) => {
    const b = parse(referralBody, req.body)
    if (b.referrerId === b.creatorId) throw new DomainError('selfReferral', 'A creator cannot refer themselves.')
    if (b.endsAt <= new Date()) throw new DomainError('invalidPeriod', 'endsAt must be in the future.')
    await creatorOn(b.brand, b.creatorId)
    if (!(await db.person.findUnique({ where: { id: b.referrerId }, select: { id: true } }))) throw new DomainError('unknownReferrer', `No person ${b.referrerId}.`)
    const taken = () => new DomainError('referralExists', `Creator ${b.creatorId} already has a referral on ${b.brand}.`)
    if (await db.referral.findUnique({ where: { brand_creatorId: { brand: b.brand, creatorId: b.creatorId } } })) throw taken()
    const referral = await db.referral.create({ data: { ...b, createdBy: req.person!.id } }).catch((err: unknown) => {
      throw (err as { code?: string }).code === 'P2002' ? taken() : err
    })
    await audit(db, req, { action: 'referral.create', resourceType: 'referral', resourceId: referral.id,
      details: { brand: b.brand, creatorId: b.creatorId, referrerId: b.referrerId, bps: b.bps, endsAt: b.endsAt } })
    res.status(201).location(`/api/referrals/${referral.id}`).json(referralView(referral))
  })

  /** Ends a running referral now: the referrer earns nothing on later sales. */
  router.post('/referrals/:id/end', authorize('finance', 'manage'), async (req, res) => {
    const referral = await find(req, (id) => db.referral.findUnique({ where: { id } }), 'referral')
    mayManage(req, referral.brand)
    const { reason: why } = parse(endBody, req.body)
    const now = new Date()
    const { count } = await db.referral.updateMany({ where: { id: referral.id, endsAt: { gt: now }, startsAt: { lt: now } }, data: { endsAt: now } })
    if (count === 0) throw new DomainError('alreadyEnded', 'This referral has already ended.')
    await audit(db, req, { action: 'referral.end', resourceType: 'referral', resourceId: referral.id, reason: why, details: { endsAt: now } })
    res.json(referralView({ ...referral, endsAt: now }, now))
  })
  return router
}
