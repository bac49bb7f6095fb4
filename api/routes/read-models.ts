/** Back-office lists over PostgreSQL read models: brands, people, audit log. */
import { Router } from 'express'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import { authorize } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

const id = z.object({ id: z.string().uuid('id must be a UUID') })
const brandList = listQuery(['name', 'slug', 'createdAt', 'id'], z.object({ q: z.string().optional() }))
const peopleList = listQuery(['createdAt', 'email', 'displayName', 'id'], z.object({ q: z.string().optional() }))
const auditList = listQuery(['at', 'id'], z.object({ action: z.string().optional(), resourceType: z.string().optional(), actorId: z.string().uuid().optional() }))

const personView = (p: { id: string; email: string; displayName: string; createdAt: Date;
  roleGrants: { role: string; brand: { slug: string } | null }[]; personas: { kind: string; handle: string; brand: { slug: string } }[] }) => ({
  id: p.id, email: p.email, displayName: p.displayName, createdAt: p.createdAt,
  roles: p.roleGrants.map((g) => ({ role: g.role, brandSlug: g.brand?.slug ?? null })),
  personas: p.personas.map((x) => ({ brandSlug: x.brand.slug, handle: x.handle, kind: x.kind })),
})
const personInclude = { roleGrants: { include: { brand: true } }, personas: { include: { brand: true } } } as const

export function createReadModelRouter({ db }: { db: Db }): Router {
  const router = Router()

  /** Brands and their policy. */
  router.get('/brands', authorize('brands', 'read'), async (req, res) => {
    const q = brandList.parse(req.query)
    const where = q.filter.q ? { name: { contains: String(q.filter.q), mode: 'insensitive' as const } } : {}
    const [rows, total] = await Promise.all([db.brand.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take }), db.brand.count({ where })])
    sendPage(res, 'brands', q.skip, rows, total)
  })
  router.get('/brands/:id', authorize('brands', 'read'), async (req, res) => {
    const row = await db.brand.findUnique({ where: id.parse(req.params) })
    if (!row) throw new DomainError('notFound', 'No such brand.')
    res.json(row)
  })

  /** People across every brand, with their roles and personas. */
  router.get('/people', authorize('people', 'read'), async (req, res) => {
    const q = peopleList.parse(req.query)
    const text = q.filter.q ? String(q.filter.q) : undefined
    const where = text ? { OR: [{ email: { contains: text, mode: 'insensitive' as const } }, { displayName: { contains: text, mode: 'insensitive' as const } }] } : {}
    const [rows, total] = await Promise.all([
      db.person.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, include: personInclude }), db.person.count({ where }),
    ])
    sendPage(res, 'people', q.skip, rows.map(personView), total)
  })
  router.get('/people/:id', authorize('people', 'read'), async (req, res) => {
    const row = await db.person.findUnique({ where: id.parse(req.params), include: personInclude })
    if (!row) throw new DomainError('notFound', 'No such person.')
    res.json(personView(row))
  })

  /** The audit trail, newest first by default. */
  router.get('/audit-logs', authorize('audit-logs', 'read'), async (req, res) => {
    const q = auditList.parse(req.query)
    const where = q.filter as { action?: string; resourceType?: string; actorId?: string }
    const orderBy = req.query.sort ? q.orderBy : { at: 'desc' as const }
    const [rows, total] = await Promise.all([db.auditLog.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.auditLog.count({ where })])
    sendPage(res, 'audit-logs', q.skip, rows.map((r) => ({ ...r, id: r.id.toString() })), total)
  })
  return router
}
