/**
 * Collectibles: creators open editions of their published media (createCollectible), fans buy tokens
 * (mintCollectible), everyone reads editions and the content-addressed files tokens point at (hidden after a
 * takedown), finance and compliance read editions, tokens and the chain transaction journal.
 */
import { randomUUID } from 'node:crypto'
import { Router, type RequestHandler } from 'express'
import type { Client } from '@temporalio/client'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import type { CollectibleEdition } from '../../generated/prisma/client.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { isKnownJurisdiction } from '../../domain/tax.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { COLLECTIBLE_ERRORS, CollectibleError, assertEditionRequest, assertWithdrawalAddress, withdrawalRefusal, type CollectibleErrorCode } from '../../domain/collectibles.ts'
import { isCurrency } from '../../domain/money.ts'
import { allowedBrands } from '../../domain/authz.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import type { ProcessorDriver } from '../../activities/payments/driver.ts'
import { checksumValid } from '../../activities/chain/address.ts'
import { editionKeyOf } from '../../activities/collectibles/index.ts'
import { createCollectible, mintCollectible, withdrawCollectible } from '../../workflows/collectibles.ts'
import { collectiblesTaskQueue, createCollectibleWorkflowId, mintCollectibleStateQuery, mintCollectibleWorkflowId,
  withdrawCollectibleWorkflowId, type MintCollectibleOutput } from '../../workflows/collectibles.contract.ts'
import { audit } from '../audit.ts'
import { authorize, brandScope } from '../authz.ts'
import { DomainError, type ErrorKind } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'
import { createPaymentTokens } from '../payment-token.ts'
import { THUMBNAIL_LINK_SECONDS } from './media-search.ts'

const signedIn: RequestHandler = (req, _res, next) => next(req.person ? undefined : new DomainError('unauthenticated', 'Sign in first.'))
const uuid = (what: string) => z.string().uuid(`${what} must be a UUID`)
const idParam = z.object({ id: uuid('id') })

const editionBody = z.object({
  brand: z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs'),
  mediaId: uuid('mediaId'),
  title: z.string().trim().min(1, 'give the collectible a title').max(120),
  description: z.string().trim().max(2000).default(''),
  maxSupply: z.number().int('maxSupply is a whole number of tokens').positive('an edition has at least one token'),
  priceMinor: z.number().int('priceMinor is in integer minor units (499 = 4.99)').positive('a price is more than zero'),
  currency: z.string().refine(isCurrency, 'currency must be a supported ISO code (USD, EUR, GBP, CAD, AUD, JPY)').default('USD'),
  royaltyBps: z.number().int('royaltyBps is whole basis points (500 = 5 %)').min(0).default(500),
}).strict()
const buyBody = z.object({
  processor: z.enum(['ccbill', 'segpay', 'epoch', 'verotel', 'crypto']).default('ccbill'),
  paymentToken: z.string().min(3).max(200).optional(),
  jurisdiction: z.string().refine(isKnownJurisdiction, 'jurisdiction must be a known ISO country code, optionally with a region (US-TX)'),
}).strict()
const brandQuery = z.object({ brand: z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs') })
const fileParams = z.object({ kind: z.enum(['metadata', 'media']), name: z.string().regex(/^[0-9a-f]{64}\.(json|jpg)$/, 'not a collectible file') })
const editionList = listQuery(['createdAt', 'status', 'brand', 'sold'] as const, z.object({ brand: z.string().optional(), status: z.string().optional() }))
const txList = listQuery(['createdAt', 'status', 'purpose', 'nonce'] as const, z.object({ status: z.string().optional(), purpose: z.string().optional() }))

const ERROR_KINDS: Record<CollectibleErrorCode, ErrorKind> = {
  INVALID_EDITION: 'invalidEdition', COLLECTIBLES_DISABLED: 'collectiblesDisabled', EDITION_TOO_LARGE: 'editionTooLarge', ROYALTY_TOO_HIGH: 'royaltyTooHigh',
  NOT_YOUR_MEDIA: 'notYourMedia', MEDIA_NOT_PUBLISHED: 'mediaNotPublished', PERFORMER_UNVERIFIED: 'performerUnverified', KYC_NOT_CURRENT: 'kycNotCurrent',
  CREATOR_SUSPENDED: 'accountInactive', EDITION_EXISTS: 'editionExists', NOT_ON_SALE: 'notOnSale', SOLD_OUT: 'soldOut', OWN_EDITION: 'ownEdition',
  INVALID_ADDRESS: 'invalidAddress',
}
const refused = (code: CollectibleErrorCode, message: string, field?: string) =>
  new DomainError(ERROR_KINDS[code], message, { code, ...(field ? { field } : {}) })

type Deps = { db: Db; temporal: Client; storage: StorageClient; drivers: Partial<Record<string, ProcessorDriver>>; pii: Pick<PiiCipher, 'encrypt' | 'decrypt'>
  withdrawalHoldDays: number }

/** The body the chain's takedown URI carries, served for a hidden edition's metadata too. */
const REMOVED = { name: 'Removed', description: 'This collectible was removed by the platform.' }

export function createCollectibleRouter({ db, temporal, storage, drivers, pii, withdrawalHoldDays }: Deps): Router {
  const router = Router()
  const paymentTokenFor = createPaymentTokens({ db, drivers, pii })

  /** Editions as the storefront and back office show them: creator name, brand slug and a short-lived preview link. */
  async function views(rows: CollectibleEdition[], withRefusal: boolean) {
    const brands = new Map((await db.brand.findMany({ select: { id: true, slug: true } })).map((b) => [b.id, b.slug]))
    const people = new Map((await db.person.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.creatorId))] } }, select: { id: true, displayName: true } }))
      .map((p) => [p.id, p.displayName]))
    const media = new Map((await db.mediaItem.findMany({ where: { id: { in: rows.map((r) => r.mediaId) } }, select: { id: true, artwork: true } }))
      .map((m) => [m.id, (m.artwork as { thumbKey?: string } | null)?.thumbKey ?? null]))
    return Promise.all(rows.map(async (r) => {
      const thumb = r.status === 'TAKEN_DOWN' ? null : media.get(r.mediaId)
      return {
        id: r.id, brand: brands.get(r.brandId) ?? null, title: r.title, description: r.description,
        creator: { id: r.creatorId, name: people.get(r.creatorId) ?? '' }, mediaId: r.mediaId,
        thumbnailUrl: thumb ? await storage.presignedGetObject(BUCKETS.media.name, thumb, THUMBNAIL_LINK_SECONDS) : null,
        priceMinor: r.priceMinor, currency: r.currency, maxSupply: r.maxSupply, sold: r.sold, remaining: r.maxSupply - r.sold, royaltyBps: r.royaltyBps,
        status: r.status, refusal: withRefusal && r.refusalCode ? { code: r.refusalCode, reason: r.refusalReason } : null,
        contractAddress: r.contractAddress, editionKey: r.editionKey, metadataUri: r.metadataUri, workflowId: r.workflowId,
        liveAt: r.liveAt, createdAt: r.createdAt, takenDownAt: r.takenDownAt,
      }
    }))
  }
  const ON_SALE = ['LIVE', 'SOLD_OUT']

  /** A creator opens an edition of one of their published media items (202 + Location; the workflow gates it). */
  router.post('/collectibles', signedIn, async (req, res) => {
    const input = editionBody.parse(req.body)
    const creatorId = req.person!.id
    const [brand, settings, media] = await Promise.all([
      db.brand.findUniqueOrThrow({ where: { slug: input.brand } }),
      db.collectibleSetting.findUnique({ where: { brand: input.brand } }),
      db.mediaItem.findUnique({ where: { id: input.mediaId }, select: { creatorId: true, brandId: true, status: true } }),
    ])
    const creator = await db.roleGrant.findFirst({ where: { personId: creatorId, role: 'creator', brandId: brand.id } })
    if (!creator) throw new DomainError('notACreator', 'Only verified creators on this brand open collectibles.')
    try {
      assertEditionRequest(input, settings ?? { enabled: false, mintFeeMinor: 0, maxEdition: 0, maxRoyaltyBps: 0 })
    } catch (err) {
      if (err instanceof CollectibleError) throw refused(err.code, err.message, err.field)
      throw err
    }
    if (!media || media.creatorId !== creatorId || media.brandId !== brand.id) throw refused(COLLECTIBLE_ERRORS.notYourMedia, 'Collectibles are made of your own media on this brand.', 'mediaId')
    if (media.status !== 'PUBLISHED') throw refused(COLLECTIBLE_ERRORS.mediaNotPublished, 'Only published, approved media can become a collectible.', 'mediaId')
    const open = await db.collectibleEdition.findFirst({ where: { mediaId: input.mediaId, status: { notIn: ['REFUSED', 'FAILED'] } } })
    if (open) throw refused(COLLECTIBLE_ERRORS.editionExists, 'This media already has an edition.', 'mediaId')
    const id = randomUUID()
    const workflowId = createCollectibleWorkflowId(id)
    try {
      await db.collectibleEdition.create({ data: { id, editionKey: editionKeyOf(id), brandId: brand.id, creatorId, mediaId: input.mediaId, title: input.title,
        description: input.description, maxSupply: input.maxSupply, priceMinor: input.priceMinor, currency: input.currency, royaltyBps: input.royaltyBps, workflowId } })
    } catch (err) {
      // two requests for the same media at once: the partial unique index lets one through
      if ((err as { code?: string }).code === 'P2002') throw refused(COLLECTIBLE_ERRORS.editionExists, 'This media already has an edition.', 'mediaId')
      throw err
    }
    const handle = await temporal.workflow.start(createCollectible, { workflowId, taskQueue: collectiblesTaskQueue, args: [{ editionId: id }] })
    await audit(db, req, { action: 'collectible.create', resourceType: 'collectible_edition', resourceId: id, workflowId, runId: handle.firstExecutionRunId })
    res.status(202).location(`/api/collectibles/${id}`).json({ id, workflowId, runId: handle.firstExecutionRunId, status: 'GATING' })
  })

  /** A brand's editions on sale or sold out (public). */
  router.get('/collectibles', async (req, res) => {
    const { brand } = brandQuery.parse(req.query)
    const rows = await db.collectibleEdition.findMany({ where: { brandId: (await db.brand.findUniqueOrThrow({ where: { slug: brand } })).id,
      status: { in: ON_SALE } }, orderBy: { liveAt: 'desc' }, take: 100 })
    res.json({ data: await views(rows, false), total: rows.length })
  })

  /** The signed-in creator's editions, every state, with why one was refused. */
  router.get('/me/collectible-editions', signedIn, async (req, res) => {
    const rows = await db.collectibleEdition.findMany({ where: { creatorId: req.person!.id }, orderBy: { createdAt: 'desc' }, take: 200 })
    res.json({ data: await views(rows, true) })
  })

  /** The signed-in creator's published media on a brand with no edition yet: what the create form offers. */
  router.get('/me/media-for-collectibles', signedIn, async (req, res) => {
    const { brand } = brandQuery.parse(req.query)
    const b = await db.brand.findUniqueOrThrow({ where: { slug: brand } })
    const used = (await db.collectibleEdition.findMany({ where: { creatorId: req.person!.id, status: { notIn: ['REFUSED', 'FAILED'] } }, select: { mediaId: true } }))
      .map((e) => e.mediaId)
    const rows = await db.mediaItem.findMany({ where: { creatorId: req.person!.id, brandId: b.id, status: 'PUBLISHED', id: { notIn: used } },
      orderBy: { publishedAt: 'desc' }, take: 100, select: { id: true, title: true, artwork: true } })
    res.json({ data: await Promise.all(rows.map(async (m) => {
      const thumb = (m.artwork as { thumbKey?: string } | null)?.thumbKey
      return { id: m.id, title: m.title, thumbnailUrl: thumb ? await storage.presignedGetObject(BUCKETS.media.name, thumb, THUMBNAIL_LINK_SECONDS) : null }
    })) })
  })

  /** The signed-in person's tokens and custodial wallet. */
  router.get('/me/collectibles', signedIn, async (req, res) => {
    const personId = req.person!.id
    const [wallet, tokens] = await Promise.all([
      db.custodialWallet.findUnique({ where: { personId }, select: { address: true } }),
      db.collectibleToken.findMany({ where: { buyerId: personId, status: { in: ['MINTED', 'WITHDRAWING', 'WITHDRAWN'] } }, orderBy: { mintedAt: 'desc' }, include: { edition: true } }),
    ])
    const editions = new Map((await views([...new Map(tokens.map((t) => [t.editionId, t.edition])).values()], false)).map((e) => [e.id, e]))
    const txs = new Map((await db.chainTransaction.findMany({ where: { key: { in: tokens.flatMap((t) => (t.txKey ? [t.txKey] : [])) } }, select: { key: true, minedHash: true } }))
      .map((t) => [t.key, t.minedHash]))
    res.json({ wallet: wallet ? { address: wallet.address } : null, data: tokens.map((t) => ({ tokenId: t.tokenId, serial: t.serial, ownerAddress: t.ownerAddress,
      txHash: (t.txKey && txs.get(t.txKey)) ?? null, mintedAt: t.mintedAt, status: t.status, withdrawnTo: t.withdrawnTo, withdrawnAt: t.withdrawnAt,
      edition: editions.get(t.editionId) })) })
  })

  /**
   * The owner withdraws a token to a wallet of their own (202; the token reads WITHDRAWING, then WITHDRAWN). A malformed
   * or mis-checksummed address, or one of the platform's, is refused here with nothing sent to the chain.
   */
  router.post('/me/collectibles/:tokenId/withdrawals', signedIn, async (req, res) => {
    const { tokenId } = z.object({ tokenId: z.string().regex(/^[0-9]{1,78}$/, 'tokenId is the decimal token id') }).parse(req.params)
    const body = z.object({ to: z.unknown() }).strict().parse(req.body)
    const token = await db.collectibleToken.findFirst({ where: { tokenId, buyerId: req.person!.id }, include: { edition: { select: { contractAddress: true } } } })
    if (!token) throw new DomainError('notFound', 'You hold no such token.')
    const wallets = (await db.custodialWallet.findMany({ where: { address: { in: [token.ownerAddress ?? ''] } }, select: { address: true } })).map((w) => w.address)
    let to: string
    try {
      to = assertWithdrawalAddress(body.to, checksumValid, [...wallets, ...(token.edition.contractAddress ? [token.edition.contractAddress] : [])])
    } catch (err) {
      if (err instanceof CollectibleError) throw refused(err.code, err.message, err.field)
      throw err
    }
    const purchase = await db.purchase.findUnique({ where: { id: token.purchaseId }, select: { status: true, createdAt: true } })
    const held = withdrawalRefusal({ purchaseStatus: purchase?.status ?? null, purchasedAt: purchase?.createdAt.toISOString() ?? null, holdDays: withdrawalHoldDays,
      now: new Date().toISOString() })
    if (held) throw new DomainError('conflict', held.message, { code: held.code })
    if (token.status === 'WITHDRAWN') throw new DomainError('conflict', 'This token has left custody already.', { code: 'ALREADY_WITHDRAWN' })
    if (token.status === 'WITHDRAWING') throw new DomainError('conflict', 'This token is being withdrawn.', { code: 'WITHDRAWAL_IN_PROGRESS' })
    if (token.status !== 'MINTED') throw new DomainError('conflict', 'Only a minted token can be withdrawn.', { code: 'NOT_MINTED' })
    const workflowId = withdrawCollectibleWorkflowId(token.id)
    const handle = await temporal.workflow.start(withdrawCollectible, { workflowId, taskQueue: collectiblesTaskQueue, args: [{ tokenRowId: token.id, to }] })
    await audit(db, req, { action: 'collectible.withdraw', resourceType: 'collectible_token', resourceId: token.id, workflowId, runId: handle.firstExecutionRunId,
      details: { to } })
    res.status(202).location('/api/me/collectibles').json({ tokenId, workflowId, runId: handle.firstExecutionRunId, to })
  })

  /** Files tokens point at, by content hash; a taken-down edition's metadata reads "Removed" and its image is gone. */
  router.get('/collectibles/files/:kind/:name', async (req, res) => {
    const { kind, name } = fileParams.parse(req.params)
    const key = `${kind}/${name}`
    const editions = await db.collectibleEdition.findMany({ where: kind === 'metadata' ? { metadataKey: key } : { imageKey: key }, select: { status: true } })
    if (editions.length === 0) throw new DomainError('notFound', 'No such collectible file.')
    if (editions.every((e) => e.status === 'TAKEN_DOWN')) {
      if (kind === 'metadata') return void res.status(410).json(REMOVED)
      throw new DomainError('takenDown', 'This collectible was removed by the platform.')
    }
    const stream = await storage.getObject(BUCKETS.nft.name, key)
    res.type(kind === 'metadata' ? 'application/json' : 'image/jpeg').set('Cache-Control', 'public, max-age=300')
    stream.pipe(res)
  })

  /** One edition: public while on sale or sold out; its creator and staff see it in any state. */
  router.get('/collectibles/:id', async (req, res) => {
    const { id } = idParam.parse(req.params)
    const row = await db.collectibleEdition.findUnique({ where: { id } })
    const own = row && req.person?.id === row.creatorId
    const staff = req.person ? allowedBrands(req.person.roles, 'collectibles', 'read') : []
    if (!row || (!ON_SALE.includes(row.status) && !own && staff.length === 0)) throw new DomainError('notFound', 'No such collectible.')
    res.json((await views([row], Boolean(own) || staff.length > 0))[0])
  })

  /** A fan buys one token (202 + Location of the purchase). */
  router.post('/collectibles/:id/purchases', signedIn, async (req, res) => {
    const { id } = idParam.parse(req.params)
    const input = buyBody.parse(req.body)
    const fanId = req.person!.id
    const e = await db.collectibleEdition.findUnique({ where: { id } })
    if (!e || !ON_SALE.includes(e.status)) throw refused(COLLECTIBLE_ERRORS.notOnSale, 'That collectible is not on sale.')
    if (e.creatorId === fanId) throw refused(COLLECTIBLE_ERRORS.ownEdition, 'You cannot buy your own collectible.')
    if (e.status === 'SOLD_OUT' || e.sold >= e.maxSupply) throw refused(COLLECTIBLE_ERRORS.soldOut, 'Every token of this edition is sold.')
    const paymentToken = await paymentTokenFor(input, fanId)
    const purchaseId = randomUUID()
    const handle = await temporal.workflow.start(mintCollectible, { workflowId: mintCollectibleWorkflowId(purchaseId), taskQueue: collectiblesTaskQueue, memo: { fanId },
      args: [{ purchaseId, editionId: id, fanId, processor: input.processor, paymentToken, jurisdiction: input.jurisdiction.toUpperCase() }] })
    await audit(db, req, { action: 'collectible.buy', resourceType: 'purchase', resourceId: purchaseId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
    res.status(202).location(`/api/collectible-purchases/${purchaseId}`).json({ purchaseId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
  })

  /** A collectible purchase as its workflow stands: the buyer's own (the workflow's memo names them), or any for staff. */
  router.get('/collectible-purchases/:id', signedIn, async (req, res) => {
    const { id } = idParam.parse(req.params)
    const handle = temporal.workflow.getHandle(mintCollectibleWorkflowId(id))
    const described = await handle.describe().catch(() => null)
    const token = await db.collectibleToken.findUnique({ where: { purchaseId: id }, include: { edition: { select: { brandId: true } } } })
    const allowed = allowedBrands(req.person!.roles, 'collectibles', 'read').length > 0 ? await staffBrandIds(req) : []
    const staff = allowed === undefined || Boolean(token && allowed.includes(token.edition.brandId))
    if (!described || (described.memo?.fanId !== req.person!.id && !staff)) throw new DomainError('notFound', 'No such purchase.')
    const closed = described.status.name !== 'RUNNING'
    const [purchase, state, result] = await Promise.all([db.purchase.findUnique({ where: { id } }),
      closed ? null : handle.query(mintCollectibleStateQuery).catch(() => null),
      described.status.name === 'COMPLETED' ? handle.result() as Promise<MintCollectibleOutput> : null])
    const tx = token?.txKey ? await db.chainTransaction.findUnique({ where: { key: token.txKey }, select: { minedHash: true } }) : null
    const status = purchase?.status ?? (result && result.state !== 'completed' ? 'FAILED' : closed ? 'FAILED' : 'PENDING')
    res.json({ purchaseId: id, editionId: token?.editionId ?? null, status, state: state ?? result?.state ?? (closed ? 'failed' : null),
      code: result?.code ?? purchase?.declineCode ?? null, reason: result?.reason ?? purchase?.failureReason ?? null,
      token: token?.status === 'MINTED' ? { tokenId: token.tokenId, serial: token.serial, ownerAddress: token.ownerAddress, txHash: tx?.minedHash ?? null } : null })
  })

  /** The brand ids a staff member may read collectibles of (undefined: every brand), narrowed by a brand filter. */
  async function staffBrandIds(req: Parameters<typeof brandScope>[0], only?: string): Promise<string[] | undefined> {
    const scope = brandScope(req, 'collectibles', 'read')
    const slugs = scope === 'all' ? (only ? [only] : undefined) : only ? scope.filter((b) => b === only) : scope
    return slugs && (await db.brand.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map((b) => b.id)
  }

  /** Back office: editions, newest first, of the brands the reader may see. */
  router.get('/collectible-editions', authorize('collectibles', 'read'), async (req, res) => {
    const q = editionList.parse(req.query)
    const f = q.filter as { brand?: string; status?: string }
    const brandIds = await staffBrandIds(req, f.brand)
    const where = { ...(f.status ? { status: f.status } : {}), ...(brandIds ? { brandId: { in: brandIds } } : {}) }
    const orderBy = q.orderBy.brand ? { brandId: q.orderBy.brand } : req.query.sort ? q.orderBy : { createdAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.collectibleEdition.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.collectibleEdition.count({ where })])
    sendPage(res, 'collectible-editions', q.skip, await views(rows, true), total)
  })

  /** Back office: one edition with its tokens and every chain transaction made for it. */
  router.get('/collectible-editions/:id', authorize('collectibles', 'read'), async (req, res) => {
    const { id } = idParam.parse(req.params)
    const row = await db.collectibleEdition.findUnique({ where: { id }, include: { tokens: { orderBy: { createdAt: 'asc' } } } })
    const allowed = await staffBrandIds(req)
    if (!row || (allowed && !allowed.includes(row.brandId))) throw new DomainError('notFound', 'No such collectible.')
    const buyers = new Map((await db.person.findMany({ where: { id: { in: row.tokens.map((t) => t.buyerId) } }, select: { id: true, displayName: true } }))
      .map((p) => [p.id, p.displayName]))
    const keys = [row.createTxKey, ...row.tokens.map((t) => t.txKey)].filter((k): k is string => Boolean(k))
    const txs = await db.chainTransaction.findMany({ where: { OR: [{ key: { in: keys } }, { key: { startsWith: `collectible:${id}:hide:` } }] }, orderBy: { createdAt: 'asc' } })
    res.json({ ...(await views([row], true))[0], tokens: row.tokens.map((t) => ({ id: t.id, purchaseId: t.purchaseId, buyerId: t.buyerId,
      buyerName: buyers.get(t.buyerId) ?? null, status: t.status, tokenId: t.tokenId, serial: t.serial, ownerAddress: t.ownerAddress, txKey: t.txKey,
      workflowId: t.workflowId, mintedAt: t.mintedAt })), transactions: txs.map(txView) })
  })

  /** The journal spans every brand (one minter key): staff of every brand only. */
  const everyBrand: RequestHandler = (req, _res, next) =>
    next(brandScope(req, 'collectibles', 'read') === 'all' ? undefined : new DomainError('forbidden', 'The chain transaction journal is for staff of every brand.'))

  /** Back office: the chain transaction journal. */
  router.get('/chain-transactions', authorize('collectibles', 'read'), everyBrand, async (req, res) => {
    const q = txList.parse(req.query)
    const f = q.filter as { status?: string; purpose?: string }
    const where = { ...(f.status ? { status: f.status } : {}), ...(f.purpose ? { purpose: f.purpose } : {}) }
    const [rows, total] = await Promise.all([db.chainTransaction.findMany({ where, orderBy: req.query.sort ? q.orderBy : { createdAt: 'desc' }, skip: q.skip, take: q.take }),
      db.chainTransaction.count({ where })])
    sendPage(res, 'chain-transactions', q.skip, rows.map(txView), total)
  })

  router.get('/chain-transactions/:id', authorize('collectibles', 'read'), everyBrand, async (req, res) => {
    const { id } = idParam.parse(req.params)
    const row = await db.chainTransaction.findUnique({ where: { id } })
    if (!row) throw new DomainError('notFound', 'No such transaction.')
    res.json(txView(row))
  })

  return router
}

type TxRow = { id: string; key: string; purpose: string; status: string; fromAddress: string; toAddress: string; nonce: bigint; minedHash: string | null
  blockNumber: bigint | null; gasUsed: bigint | null; attempts: unknown; workflowId: string | null; createdAt: Date; updatedAt: Date }

/** A journal row for people: numbers as numbers/strings, signed bytes left out. */
function txView(t: TxRow) {
  const attempts = (t.attempts as { hash: string; maxFeePerGas: string; maxPriorityFeePerGas: string; signedAt: string; sentAt: string | null }[])
    .map(({ hash, maxFeePerGas, maxPriorityFeePerGas, signedAt, sentAt }) => ({ hash, maxFeePerGas, maxPriorityFeePerGas, signedAt, sentAt }))
  return { id: t.id, key: t.key, purpose: t.purpose, status: t.status, fromAddress: t.fromAddress, toAddress: t.toAddress, nonce: Number(t.nonce),
    minedHash: t.minedHash, blockNumber: t.blockNumber === null ? null : Number(t.blockNumber), gasUsed: t.gasUsed === null ? null : String(t.gasUsed),
    attempts, workflowId: t.workflowId, createdAt: t.createdAt, updatedAt: t.updatedAt }
}
