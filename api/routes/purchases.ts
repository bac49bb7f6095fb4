/** Pay-per-view purchases: start purchasePpv, read its outcome, check access to a post. */
import { randomUUID } from 'node:crypto'
import { Router, type RequestHandler } from 'express'
import type { Client } from '@temporalio/client'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import { isKnownJurisdiction } from '../../domain/tax.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { assertPurchaseAmount, isCurrency, money, MoneyError } from '../../domain/money.ts'
import { sendTip } from '../../workflows/send-tip.ts'
import { sendTipTaskQueue, sendTipWorkflowId } from '../../workflows/send-tip.contract.ts'
import { REFUND_REFUSALS, refundRefusal } from '../../domain/refund-policy.ts'
import { purchasePpv } from '../../workflows/purchase-ppv.ts'
import { purchasePpvTaskQueue, purchasePpvWorkflowId } from '../../workflows/purchase-ppv.contract.ts'
import { refundPurchase } from '../../workflows/refund-purchase.ts'
import { refundPurchaseTaskQueue, refundPurchaseWorkflowId } from '../../workflows/refund-purchase.contract.ts'
import { audit } from '../audit.ts'
import { decide } from '../../domain/authz.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import type { ProcessorDriver } from '../../activities/payments/driver.ts'
import { createPaymentTokens } from '../payment-token.ts'
import { DomainError } from '../errors.ts'

// crypto pays from the fan's own wallet and Verotel can use the stored token: omitted there, required by the card processors
const payment = {
  processor: z.enum(['ccbill', 'segpay', 'epoch', 'verotel', 'crypto']).default('ccbill'),
  paymentToken: z.string().min(3).max(200).optional(),
}
const body = z.object({
  postId: z.string().uuid('postId must be a UUID'),
  ...payment,
  jurisdiction: z.string().refine(isKnownJurisdiction, 'jurisdiction must be a known ISO country code, optionally with a region (US-TX)'),
}).strict()
const idParam = z.object({ id: z.string().uuid('id must be a UUID') })

const view = (p: { id: string; ledgerEntryId: bigint | null } & Record<string, unknown>) => ({ ...p, ledgerEntryId: p.ledgerEntryId?.toString() ?? null })

const postsQuery = z.object({ brand: z.string().min(2).max(40) })
const refundBody = z.object({ reason: z.string().trim().min(3, 'say why, in a few words').max(500) }).strict()
const tipBody = z.object({
  creatorId: z.string().uuid('creatorId must be a UUID'),
  brand: z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs'),
  amount: z.number().int('amount is in integer minor units (499 = 4.99)').positive('amount must be more than zero'),
  currency: z.string().refine(isCurrency, 'currency must be a supported ISO code (USD, EUR, GBP, CAD, AUD, JPY)'),
  message: z.string().trim().max(500).default(''),
  ...payment,
  jurisdiction: z.string().refine(isKnownJurisdiction, 'jurisdiction must be a known ISO country code, optionally with a region (US-TX)'),
}).strict()
const signedIn: RequestHandler = (req, _res, next) => next(req.person ? undefined : new DomainError('unauthenticated', 'Sign in first.'))

type PurchaseDeps = { db: Db; temporal: Client; drivers: Partial<Record<string, ProcessorDriver>>; pii: Pick<PiiCipher, 'encrypt' | 'decrypt'> }

export function createPurchaseRouter({ db, temporal, drivers, pii }: PurchaseDeps): Router {
  const router = Router()
  // the processor must be offered here; crypto pays from the fan's own wallet, Verotel may use the stored token
  const paymentTokenFor = createPaymentTokens({ db, drivers, pii })

  /** Published PPV posts of a brand, for its storefront (public: titles and prices only). */
  router.get('/posts', async (req, res) => {
    const { brand } = postsQuery.parse(req.query)
    const rows = await db.$queryRaw<{ id: string; title: string; priceMinor: number; currency: string; displayName: string; handle: string | null }[]>`
      SELECT p.id, p.title, p.price_minor AS "priceMinor", p.currency, c.display_name AS "displayName", pe.handle
      FROM posts p JOIN brands b ON b.id = p.brand_id JOIN people c ON c.id = p.creator_id
      LEFT JOIN personas pe ON pe.person_id = c.id AND pe.brand_id = b.id AND pe.kind = 'creator'
      WHERE b.slug = ${brand} AND p.status = 'PUBLISHED' AND p.price_minor > 0 ORDER BY p.price_minor, p.created_at LIMIT 100`
    res.json(rows.map((r) => ({ id: r.id, title: r.title, priceMinor: r.priceMinor, currency: r.currency, brandSlug: brand,
      creator: { displayName: r.displayName, handle: r.handle } })))
  })


  /** Buys a PPV post for the signed-in fan (202 + Location of the purchase). */
  router.post('/purchases', signedIn, async (req, res) => {
    const input = body.parse(req.body)
    const fanId = req.person!.id
    const paymentToken = await paymentTokenFor(input, fanId)
    const post = await db.post.findUnique({ where: { id: input.postId } })
    if (!post || post.status !== 'PUBLISHED' || post.priceMinor <= 0) throw new DomainError('notFound', 'That post is not for sale.')
    if (post.creatorId === fanId) throw new DomainError('ownPost', 'You cannot buy your own post.')
    const purchaseId = randomUUID()
    const handle = await temporal.workflow.start(purchasePpv, {
      workflowId: purchasePpvWorkflowId(fanId, post.id), taskQueue: purchasePpvTaskQueue,
      args: [{ purchaseId, fanId, postId: post.id, processor: input.processor, paymentToken, jurisdiction: input.jurisdiction.toUpperCase() }],
    })
    await audit(db, req, { action: 'purchase.start', resourceType: 'purchase', resourceId: purchaseId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
    res.status(202).location(`/api/purchases/${purchaseId}`).json({ id: purchaseId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
  })

  /** Tips a creator (202 + Location of the tip, which reads like a purchase). */
  router.post('/tips', signedIn, async (req, res) => {
    const input = tipBody.parse(req.body)
    const fanId = req.person!.id
    if (input.creatorId === fanId) throw new DomainError('ownTip', 'You cannot tip yourself.')
    try {
      assertPurchaseAmount(money(input.amount, input.currency))
    } catch (err) {
      if (err instanceof MoneyError) throw new DomainError('amountOutOfRange', err.message, { code: err.code })
      throw err
    }
    // a creator page exists from onboarding on, but only a verified creator (the role, granted on KYC approval) takes money
    const verified = await db.roleGrant.findFirst({ where: { personId: input.creatorId, role: 'creator', brand: { slug: input.brand } } })
    if (!verified) throw new DomainError('notFound', 'No such creator on this brand.')
    const paymentToken = await paymentTokenFor(input, fanId)
    const tipId = randomUUID()
    const handle = await temporal.workflow.start(sendTip, { workflowId: sendTipWorkflowId(tipId), taskQueue: sendTipTaskQueue,
      args: [{ ...input, paymentToken, tipId, fanId, jurisdiction: input.jurisdiction.toUpperCase() }] })
    await audit(db, req, { action: 'tip.start', resourceType: 'purchase', resourceId: tipId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
    res.status(202).location(`/api/purchases/${tipId}`).json({ id: tipId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
  })

  /** One purchase, as its workflow last recorded it; fans see their own, finance and admins all. */
  router.get('/purchases/:id', signedIn, async (req, res) => {
    const row = await db.purchase.findUnique({ where: idParam.parse(req.params) })
    const staff = decide(req.person!.roles, 'finance', 'read', row?.brand)
    if (!row || (row.fanId !== req.person!.id && !staff)) throw new DomainError('notFound', 'No such purchase.')
    res.json(view(row))
  })

  /** Refunds a purchase: its fan within the refund window, finance at any time (202 + Location of the purchase); checked here for a clear 4xx, and again by the workflow. */
  router.post('/purchases/:id/refund', signedIn, async (req, res) => {
    const { id } = idParam.parse(req.params)
    const { reason } = refundBody.parse(req.body)
    const purchase = await db.purchase.findUnique({ where: { id } })
    const staff = decide(req.person!.roles, 'finance', 'refund', purchase?.brand)
    const refusal = purchase && refundRefusal({ purchase, requester: { personId: req.person!.id, role: staff ? 'finance' : 'fan' }, now: new Date() })
    if (!purchase || refusal?.code === REFUND_REFUSALS.notYours) throw new DomainError('notFound', 'No such purchase.')
    if (purchase.kind === 'subscription') {
      throw new DomainError('notRefundable', 'A subscription charge is refunded by cancelling the subscription (POST /api/subscriptions/:id/cancel), which also ends its access.')
    }
    if (refusal) throw new DomainError(refusal.code === REFUND_REFUSALS.windowClosed ? 'refundWindowClosed' : 'notRefundable', refusal.message)
    const handle = await temporal.workflow.start(refundPurchase, { workflowId: refundPurchaseWorkflowId(id), taskQueue: refundPurchaseTaskQueue,
      args: [{ purchaseId: id, requestedBy: { personId: req.person!.id, role: staff ? 'finance' : 'fan' }, reason }] })
    await audit(db, req, { action: 'purchase.refund', resourceType: 'purchase', resourceId: id, reason, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
    res.status(202).location(`/api/purchases/${id}`).json({ id, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
  })

  /** Whether the signed-in fan may view a post. */
  router.get('/posts/:id/access', signedIn, async (req, res) => {
    const { id } = idParam.parse(req.params)
    const e = await db.entitlement.findUnique({ where: { fanId_postId: { fanId: req.person!.id, postId: id } } })
    res.json({ postId: id, entitled: Boolean(e && !e.revokedAt) })
  })
  return router
}
