/** Chargeback cases for the finance back office: the read model of handleChargeback runs, with their evidence packs. */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { audit } from '../audit.ts'
import { authorize, brandScope } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

/** How long a presigned evidence link stays valid: long enough to click, short enough not to be shared around. */
export const EVIDENCE_LINK_SECONDS = 300

const list = listQuery(['openedAt', 'closedAt', 'amount', 'id'], z.object({
  brand: z.string().optional(), status: z.enum(['OPEN', 'CLOSED']).optional(), processor: z.string().optional(),
  purchaseId: z.string().uuid().optional(), fanId: z.string().uuid().optional(), creatorId: z.string().uuid().optional(),
}))

type CaseRow = Awaited<ReturnType<Db['chargebackCase']['findUniqueOrThrow']>>
type PurchaseRow = Awaited<ReturnType<Db['purchase']['findUniqueOrThrow']>>

const caseView = (c: CaseRow) => ({ ...c, ledgerEntryId: c.ledgerEntryId?.toString() ?? null })
const purchaseView = (p: PurchaseRow) => ({ ...p, ledgerEntryId: p.ledgerEntryId?.toString() ?? null })

/** The `brand` condition of a finance list: the brands the request may read, narrowed by the list's brand filter. */
export function financeBrandWhere(req: Request, brand: string | undefined): { brand?: string | { in: string[] } } {
  const scope = brandScope(req, 'finance', 'read')
  if (scope === 'all') return brand ? { brand } : {}
  return { brand: { in: brand ? scope.filter((b) => b === brand) : scope } }
}

export function createChargebackCaseRouter({ db, storage }: { db: Db; storage: StorageClient }): Router {
  const router = Router()
  const finance = authorize('finance', 'read')

  /** Chargeback cases, newest first: filter by brand, status (OPEN, CLOSED) and processor. */
  router.get('/chargeback-cases', finance, async (req, res) => {
    const q = list.parse(req.query)
    const f = q.filter as { brand?: string; status?: string; processor?: string; purchaseId?: string; fanId?: string; creatorId?: string }
    const where = { ...f, ...financeBrandWhere(req, f.brand) }
    const orderBy = req.query.sort ? q.orderBy : { openedAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.chargebackCase.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.chargebackCase.count({ where })])
    sendPage(res, 'chargeback-cases', q.skip, rows.map(caseView), total)
  })

  /** One case with the reversed purchase, its chargeback entry and workflow, and a short-lived link to the evidence pack. */
  router.get('/chargeback-cases/:id', finance, async (req, res) => {
    const c = await db.chargebackCase.findUnique({ where: { id: z.uuid('id must be a UUID').parse(req.params.id) } })
    const scope = brandScope(req, 'finance', 'read')
    if (!c || (scope !== 'all' && !scope.includes(c.brand))) throw new DomainError('notFound', 'No such chargeback case.')
    const purchase = await db.purchase.findUnique({ where: { id: c.purchaseId } })
    const fileName = `chargeback-${c.processor}-${c.transactionId}`.replace(/[^\w.-]/g, '_')
    const evidence = c.evidenceKey ? {
      key: c.evidenceKey,
      url: await storage.presignedGetObject(BUCKETS.exports.name, c.evidenceKey, EVIDENCE_LINK_SECONDS,
        { 'response-content-disposition': `attachment; filename="${fileName}.json"` }),
      expiresAt: new Date(Date.now() + EVIDENCE_LINK_SECONDS * 1000).toISOString(),
    } : null
    // the pack holds the fan's purchase trail: who was handed a link to it belongs in the audit trail
    if (evidence) await audit(db, req, { action: 'chargeback_case.evidence_link', resourceType: 'chargeback_case', resourceId: c.id, workflowId: c.workflowId })
    res.json({ ...caseView(c), purchase: purchase ? purchaseView(purchase) : null, evidence })
  })
  return router
}
