/**
 * Collectibles: the compliance gate, content-addressed metadata in object storage, editions and mints on chain through
 * the transaction journal, the edition's read model and its search document. Every chain call is keyed by our ids
 * (edition, purchase), so a retry finds the journalled transaction instead of signing another.
 */
import { createHash } from 'node:crypto'
import { buffer } from 'node:stream/consumers'
import { ApplicationFailure } from '@temporalio/activity'
import { heartbeat } from '../payouts/runs.ts'
import { encodeFunctionData, getAddress, keccak256, stringToHex, type Address, type Hex, type LocalAccount } from 'viem'
import type { Db } from '../../prisma/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { SEARCH_INDEXES } from '../../domain/search-indexes.ts'
import { COLLECTIBLE_ERRORS, collectibleGate, collectibleMetadata, type Gate } from '../../domain/collectibles.ts'
import { taxRateBps } from '../../domain/tax.ts'
import { collectiblesAbi } from '../chain/abis.ts'
import type { ChainClients } from '../chain/clients.ts'
import { confirmedBlockNumber } from '../chain/confirmations.ts'
import { TxWouldRevert, isRevert, revertReason, type TxJournal, type TxOutcome } from '../chain/tx-journal.ts'
import type { CustodialWallets } from '../chain/wallets.ts'
import type { SearchClient } from '../search/client.ts'
import type { StorageClient } from '../storage/client.ts'
import { saleRules } from '../purchases/sale-rules.ts'
import type { PurchaseQuote } from '../../workflows/purchase-ppv.contract.ts'

export type CollectibleDeps = {
  db: Db
  storage: StorageClient
  search: SearchClient
  wallets: CustodialWallets
  /** the minter's journal */
  journal: TxJournal
  /** a journal signing as a custodial wallet (withdrawals) */
  journalFor: (signer: LocalAccount) => TxJournal
  chain: () => Promise<ChainClients>
  contract: Address
  confirmations: number
  publicUrl: string
  chargebackWindowDays: number
  /** how long one confirm activity waits before handing back to a retry */
  confirmTimeoutMs?: number
}

/** bytes32 ids on chain: derived from ours, so the chain record names its row. */
export const editionKeyOf = (editionId: string): Hex => keccak256(stringToHex(`fanz:edition:${editionId}`))
export const mintIdOf = (purchaseId: string): Hex => keccak256(stringToHex(`fanz:mint:${purchaseId}`))
export const editionTxKey = (editionId: string) => `collectible:${editionId}:create`
export const mintTxKey = (purchaseId: string) => `collectible-sale:${purchaseId}:mint`
export const hideTxKey = (editionId: string, takedownKey: string) => `collectible:${editionId}:hide:${takedownKey}`
/** Keys of one withdrawal attempt (its workflow run): a retried attempt finds its transactions, a new attempt after a failed one signs anew. */
export const withdrawalTxKey = (tokenRowId: string, attempt: string, step: 'gas' | 'transfer') => `collectible-withdrawal:${tokenRowId}:${attempt}:${step}`

/** Object keys in the NFT bucket: the sha256 of the bytes names them, so a copy is never written twice under two names. */
export const metadataObjectKey = (sha256: string) => `metadata/${sha256}.json`
export const imageObjectKey = (sha256: string) => `media/${sha256}.jpg`

export type ReserveResult = { ok: true; mintId: Hex; alreadyMinted: boolean } | { ok: false; code: string; reason: string }
export type MintedToken = { tokenId: string; serial: number; ownerAddress: Address; hash: Hex }

const refuse = (code: string, message: string) => ApplicationFailure.nonRetryable(message, code)

const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')


export function createCollectibleActivities(d: CollectibleDeps) {
  const { db } = d
  const confirmTimeoutMs = d.confirmTimeoutMs ?? 60_000
  const edition = (editionId: string) => db.collectibleEdition.findUniqueOrThrow({ where: { id: editionId } })
  const brandSlug = async (brandId: string) => (await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { slug: true } })).slug
  const creatorName = async (creatorId: string, brandId: string) => {
    const persona = await db.persona.findFirst({ where: { personId: creatorId, kind: 'creator', brandId }, select: { handle: true } })
    return persona?.handle ? `@${persona.handle}` : (await db.person.findUniqueOrThrow({ where: { id: creatorId }, select: { displayName: true } })).displayName
  }

  async function gate(editionId: string): Promise<Gate> {
    const e = await edition(editionId)
    const [settings, person, media, performers, kyc] = await Promise.all([
      db.collectibleSetting.findUnique({ where: { brand: await brandSlug(e.brandId) } }),
      db.person.findUnique({ where: { id: e.creatorId }, select: { status: true } }),
      db.mediaItem.findUnique({ where: { id: e.mediaId }, select: { creatorId: true, status: true, decision: true } }),
      db.mediaPerformer.findMany({ where: { mediaId: e.mediaId }, select: { alias: true, status: true, recordId: true } }),
      db.kycCase.findFirst({ where: { personId: e.creatorId, purpose: 'creator' }, orderBy: { createdAt: 'desc' }, select: { status: true, expiresAt: true } }),
    ])
    return collectibleGate({ brandEnabled: settings?.enabled ?? false, creatorActive: person?.status === 'active', media, creatorId: e.creatorId, performers,
      kyc: kyc ? { status: kyc.status, expiresAt: kyc.expiresAt?.toISOString() ?? null } : null, at: new Date().toISOString() })
  }

  /** The journal of whoever signed `key`: the minter, or a custodial wallet (opened only to re-sign a fee bump). */
  async function journalOf(key: string): Promise<TxJournal> {
    const tx = await db.chainTransaction.findUnique({ where: { key }, select: { fromAddress: true } })
    if (!tx) throw new Error(`no journalled transaction ${key}`)
    if (getAddress(tx.fromAddress) === getAddress(d.journal.signer)) return d.journal
    const wallet = await db.custodialWallet.findUniqueOrThrow({ where: { address: getAddress(tx.fromAddress) } })
    return d.journalFor(await d.wallets.accountFor(wallet.personId))
  }

  async function chainCall(key: string, purpose: string, data: Hex, workflowId: string | null, journal = d.journal): Promise<{ key: string }> {
    try {
      await journal.prepare({ key, to: d.contract, data, purpose, workflowId, abi: collectiblesAbi })
      return { key }
    } catch (err) {
      if (err instanceof TxWouldRevert) throw refuse(err.reason, err.message)
      throw err
    }
  }

  async function indexEdition(editionId: string, refresh: false | 'wait_for' = 'wait_for'): Promise<void> {
    const e = await edition(editionId)
    const visible = e.status === 'LIVE' || e.status === 'SOLD_OUT'
    if (!visible) {
      await d.search.delete({ index: SEARCH_INDEXES.collectibles, id: editionId, refresh }, { ignore: [404] })
      return
    }
    await d.search.index({ index: SEARCH_INDEXES.collectibles, id: editionId, refresh, body: {
      editionId, brand: await brandSlug(e.brandId), creatorId: e.creatorId, creatorName: await creatorName(e.creatorId, e.brandId), mediaId: e.mediaId,
      title: e.title, description: e.description, status: e.status, maxSupply: e.maxSupply, sold: e.sold, priceMinor: e.priceMinor, currency: e.currency,
      liveAt: e.liveAt?.toISOString() ?? null } })
  }

  return {
    /** The compliance gate for an edition; a refusal is recorded on the edition (the creator sees why). */
    async gateCollectible({ editionId, recordRefusal }: { editionId: string; recordRefusal: boolean }): Promise<Gate> {
      const g = await gate(editionId)
      if (!g.ok && recordRefusal) {
        await db.collectibleEdition.updateMany({ where: { id: editionId, status: 'GATING' },
          data: { status: 'REFUSED', refusalCode: g.code, refusalReason: g.reason, updatedAt: new Date() } })
      }
      return g
    },

    /**
     * Writes the edition's preview image and ERC-721 metadata to the NFT bucket under their sha256 (content-addressed:
     * a retry writes the same bytes to the same key) and records the metadata URI the chain will carry.
     */
    async writeCollectibleMetadata({ editionId }: { editionId: string }): Promise<{ metadataKey: string; metadataUri: string }> {
      const e = await edition(editionId)
      const media = await db.mediaItem.findUniqueOrThrow({ where: { id: e.mediaId }, select: { artwork: true, sha256: true } })
      const thumbKey = (media.artwork as { thumbKey?: string } | null)?.thumbKey
      if (!thumbKey) throw refuse(COLLECTIBLE_ERRORS.mediaNotPublished, 'the media has no preview image')
      const image = await buffer(await d.storage.getObject(BUCKETS.media.name, thumbKey))
      const imageSha = sha256Of(image)
      await d.storage.putObject(BUCKETS.nft.name, imageObjectKey(imageSha), image, image.length, { 'Content-Type': 'image/jpeg' })
      const json = collectibleMetadata({ name: e.title, description: e.description, brand: await brandSlug(e.brandId), creator: await creatorName(e.creatorId, e.brandId),
        edition: e.maxSupply, imageUri: `${d.publicUrl}/api/collectibles/files/${imageObjectKey(imageSha)}`, mediaSha256: media.sha256, royaltyBps: e.royaltyBps })
      const metadataKey = metadataObjectKey(sha256Of(json))
      await d.storage.putObject(BUCKETS.nft.name, metadataKey, Buffer.from(json), Buffer.byteLength(json), { 'Content-Type': 'application/json' })
      const metadataUri = `${d.publicUrl}/api/collectibles/files/${metadataKey}`
      await db.collectibleEdition.update({ where: { id: editionId }, data: { metadataKey, metadataUri, imageKey: imageObjectKey(imageSha), updatedAt: new Date() } })
      return { metadataKey, metadataUri }
    },

    /** Journals (signs) the edition's createEdition call; royalties go to the creator's custodial wallet. */
    async prepareEditionTx({ editionId, workflowId }: { editionId: string; workflowId: string }): Promise<{ key: string | null }> {
      const e = await edition(editionId)
      if (!e.metadataUri) throw new Error(`edition ${editionId} has no metadata yet`)
      const creatorAddress = await d.wallets.addressOf(e.creatorId)
      // never over a takedown: an edition taken down before it was signed stays off the chain (null key)
      const moved = await db.collectibleEdition.updateMany({ where: { id: editionId, status: { in: ['GATING', 'CREATING'] } }, data: { status: 'CREATING',
        creatorAddress, contractAddress: d.contract, createTxKey: editionTxKey(editionId), updatedAt: new Date() } })
      if (moved.count === 0) return { key: null }
      const data = encodeFunctionData({ abi: collectiblesAbi, functionName: 'createEdition',
        args: [editionKeyOf(editionId), creatorAddress, e.maxSupply, BigInt(e.royaltyBps), e.metadataUri] })
      return chainCall(editionTxKey(editionId), 'createEdition', data, workflowId)
    },

    /** Sends a journalled transaction (again, if need be). */
    async broadcastChainTx({ key }: { key: string }): Promise<{ status: string; hash: Hex }> {
      const tx = await (await journalOf(key)).broadcast(key)
      return { status: tx.status, hash: tx.attempts.at(-1)!.hash }
    },

    /** Waits for the transaction to be deep enough, re-sending and bumping its fee when stuck; heartbeats while waiting. */
    async confirmChainTx({ key }: { key: string }): Promise<Omit<TxOutcome, 'receipt'>> {
      const { status, hash, blockNumber, gasUsed } = await (await journalOf(key)).confirm(key, confirmTimeoutMs)
      return { status, hash, blockNumber, gasUsed }
    },

    /** Records the outcome of an edition's creation, unless a takedown came first; returns the edition's status. */
    async markCollectible({ editionId, status, reason }: { editionId: string; status: 'LIVE' | 'FAILED'; reason?: string }): Promise<{ status: string }> {
      await db.collectibleEdition.updateMany({ where: { id: editionId, status: 'CREATING' }, data: { status, ...(status === 'LIVE' ? { liveAt: new Date() } : {}),
        ...(reason ? { refusalCode: 'CHAIN_REVERTED', refusalReason: reason } : {}), updatedAt: new Date() } })
      return { status: (await edition(editionId)).status }
    },

    /** Which media an edition was made of. */
    async editionMedia({ editionId }: { editionId: string }): Promise<{ mediaId: string }> {
      return { mediaId: (await edition(editionId)).mediaId }
    },

    /**
     * The edition's search document: present while it is on sale or sold out, gone otherwise. A new edition waits for
     * the refresh (the storefront finds it at once); a sale's count update does not (it would hold every sale a second).
     */
    async indexCollectible({ editionId, afterSale }: { editionId: string; afterSale?: boolean }): Promise<void> {
      await indexEdition(editionId, afterSale ? false : 'wait_for')
    },

    /** Price, tax and share rules of one token of an edition, for the sale's split. */
    async quoteCollectible({ editionId, fanId, jurisdiction }: { editionId: string; fanId: string; jurisdiction: string }): Promise<PurchaseQuote & { mintFeeMinor: number }> {
      const e = await edition(editionId)
      if (e.creatorId === fanId) throw refuse(COLLECTIBLE_ERRORS.ownEdition, 'You cannot buy your own collectible.')
      if (e.status !== 'LIVE') throw refuse(e.status === 'SOLD_OUT' ? COLLECTIBLE_ERRORS.soldOut : COLLECTIBLE_ERRORS.notOnSale, 'That collectible is not on sale.')
      const brand = await brandSlug(e.brandId)
      const settings = await db.collectibleSetting.findUnique({ where: { brand } })
      const rules = await saleRules(db, { brand, creatorId: e.creatorId, currency: e.currency, at: new Date() })
      return { brand, creatorId: e.creatorId, amount: e.priceMinor, currency: e.currency, taxBps: taxRateBps(jurisdiction),
        chargebackWindowDays: d.chargebackWindowDays, ...rules, mintFeeMinor: settings?.mintFeeMinor ?? 0 }
    },

    /**
     * Holds one token of the edition for this purchase: the edition's count can never pass its size (a database
     * check), so two fans can never both get the last one. Idempotent on the purchase id.
     */
    async reserveCollectible(i: { editionId: string; purchaseId: string; fanId: string; workflowId: string }): Promise<ReserveResult> {
      const mintId = mintIdOf(i.purchaseId)
      return db.$transaction(async (tx) => {
        const held = await tx.collectibleToken.findUnique({ where: { purchaseId: i.purchaseId } })
        if (held && held.status !== 'RELEASED') return { ok: true as const, mintId, alreadyMinted: held.status === 'MINTED' }
        if (held) return { ok: false as const, code: COLLECTIBLE_ERRORS.notOnSale, reason: 'This purchase was already undone.' }
        const taken = await tx.$executeRaw`UPDATE collectible_editions SET sold = sold + 1,
            status = CASE WHEN sold + 1 = max_supply THEN 'SOLD_OUT' ELSE status END, updated_at = now()
          WHERE id = ${i.editionId}::uuid AND status = 'LIVE' AND sold < max_supply`
        if (taken !== 1) {
          const e = await tx.collectibleEdition.findUniqueOrThrow({ where: { id: i.editionId }, select: { status: true } })
          return e.status === 'SOLD_OUT' ? { ok: false as const, code: COLLECTIBLE_ERRORS.soldOut, reason: 'Every token of this edition is sold.' }
            : { ok: false as const, code: COLLECTIBLE_ERRORS.notOnSale, reason: 'That collectible is not on sale.' }
        }
        await tx.collectibleToken.create({ data: { editionId: i.editionId, purchaseId: i.purchaseId, buyerId: i.fanId, mintId, workflowId: i.workflowId } })
        return { ok: true as const, mintId, alreadyMinted: false }
      })
    },

    /** Gives a reserved token back to the edition (the sale did not go through). Idempotent; a minted token stays. */
    async releaseCollectible({ purchaseId }: { purchaseId: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        // the status change decides who gives the token back: two overlapping attempts decrement once
        const moved = await tx.collectibleToken.updateMany({ where: { purchaseId, status: { in: ['RESERVED', 'MINTING'] } }, data: { status: 'RELEASED' } })
        if (moved.count !== 1) return
        const t = await tx.collectibleToken.findUniqueOrThrow({ where: { purchaseId }, select: { editionId: true } })
        await tx.$executeRaw`UPDATE collectible_editions SET sold = sold - 1,
            status = CASE WHEN status = 'SOLD_OUT' THEN 'LIVE' ELSE status END, updated_at = now() WHERE id = ${t.editionId}::uuid`
      })
    },

    /** Journals the mint of the reserved token to the buyer's custodial wallet (created on first use). */
    async prepareMintTx({ purchaseId, workflowId }: { purchaseId: string; workflowId: string }): Promise<{ key: string }> {
      const t = await db.collectibleToken.findUniqueOrThrow({ where: { purchaseId }, include: { edition: { select: { id: true } } } })
      const to = await d.wallets.addressOf(t.buyerId)
      await db.collectibleToken.update({ where: { id: t.id }, data: { status: t.status === 'RESERVED' ? 'MINTING' : t.status, ownerAddress: to, txKey: mintTxKey(purchaseId) } })
      const data = encodeFunctionData({ abi: collectiblesAbi, functionName: 'mint', args: [editionKeyOf(t.edition.id), to, t.mintId as Hex] })
      return chainCall(mintTxKey(purchaseId), 'mint', data, workflowId)
    },

    /** Reads the minted token from the chain (as deep as the confirmations asked) and records it on the token row. */
    async recordMinted({ purchaseId, hash }: { purchaseId: string; hash: Hex }): Promise<MintedToken> {
      const t = await db.collectibleToken.findUniqueOrThrow({ where: { purchaseId } })
      const c = await d.chain()
      const blockNumber = await confirmedBlockNumber(c.public, d.confirmations)
      const tokenId = await c.public.readContract({ address: d.contract, abi: collectiblesAbi, functionName: 'mintOf', args: [t.mintId as Hex], blockNumber })
      if (tokenId === 0n) throw new Error(`mint ${t.mintId} is not on chain at block ${blockNumber}`)
      const owner = await c.public.readContract({ address: d.contract, abi: collectiblesAbi, functionName: 'ownerOf', args: [tokenId], blockNumber })
      const serial = Number(tokenId & 0xffffffffn)
      await db.collectibleToken.update({ where: { id: t.id }, data: { status: 'MINTED', tokenId: tokenId.toString(), serial, ownerAddress: owner,
        mintedAt: t.mintedAt ?? new Date() } })
      return { tokenId: tokenId.toString(), serial, ownerAddress: owner, hash }
    },

    /**
     * A takedown of the media: its editions stop selling and hide their metadata on chain (owners and history stay).
     * Returns the journal keys of the hide calls, which the workflow sends and confirms.
     */
    async takeDownCollectibles(i: { mediaId: string; takedownKey: string; workflowId: string; editionId?: string }): Promise<{ keys: string[] }> {
      const { mediaId, takedownKey, workflowId } = i
      const editions = await db.collectibleEdition.findMany({ where: { mediaId, ...(i.editionId ? { id: i.editionId } : {}),
        status: { in: ['GATING', 'LIVE', 'SOLD_OUT', 'CREATING', 'TAKEN_DOWN'] } } })
      const keys: string[] = []
      for (const e of editions) {
        await db.collectibleEdition.update({ where: { id: e.id }, data: { status: 'TAKEN_DOWN', takenDownAt: e.takenDownAt ?? new Date(), updatedAt: new Date() } })
        await indexEdition(e.id)
        // only an edition confirmed on chain is hidden there; one still being created is hidden by its own workflow once confirmed
        const created = await db.chainTransaction.findUnique({ where: { key: editionTxKey(e.id) }, select: { status: true } })
        if (created?.status !== 'CONFIRMED') continue
        const data = encodeFunctionData({ abi: collectiblesAbi, functionName: 'hideEdition', args: [editionKeyOf(e.id)] })
        keys.push((await chainCall(hideTxKey(e.id, takedownKey), 'hideEdition', data, workflowId)).key)
        heartbeat({ editionId: e.id })
      }
      return { keys }
    },

    /**
     * Starts a withdrawal of a minted token to the owner's own wallet: marks it WITHDRAWING (idempotent for the same
     * address) and checks the transfer by estimation, so a receiver that refuses ERC-721 tokens is refused before
     * anything is sent. Returns the wei the custodial wallet still needs for the transfer's gas (with headroom).
     */
    async planWithdrawal({ tokenRowId, to, attempt }: { tokenRowId: string; to: Address; attempt: string }): Promise<{ topUpWei: string }> {
      const t = await db.collectibleToken.findUniqueOrThrow({ where: { id: tokenRowId } })
      if (t.status === 'WITHDRAWN') throw refuse('ALREADY_WITHDRAWN', 'This token has left custody already.')
      if (t.status === 'WITHDRAWING' && t.withdrawnTo !== to) throw refuse('WITHDRAWAL_IN_PROGRESS', 'This token is being withdrawn to another address.')
      if (t.status !== 'MINTED' && t.status !== 'WITHDRAWING') throw refuse(COLLECTIBLE_ERRORS.notOnSale, 'Only a minted token can be withdrawn.')
      const from = await d.wallets.addressOf(t.buyerId)
      await db.collectibleToken.updateMany({ where: { id: tokenRowId, status: 'MINTED' }, data: { status: 'WITHDRAWING', withdrawnTo: to, withdrawTxKey: withdrawalTxKey(tokenRowId, attempt, 'transfer') } })
      const c = await d.chain()
      const data = encodeFunctionData({ abi: collectiblesAbi, functionName: 'safeTransferFrom', args: [from, to, BigInt(t.tokenId!)] })
      let gas: bigint
      try {
        // as if the wallet held gas money: what is checked here is the transfer, not the balance
        gas = await c.public.estimateGas({ account: from, to: d.contract, data, stateOverride: [{ address: from, balance: 10n ** 18n }] })
      } catch (err) {
        if (!isRevert(err)) throw err
        await db.collectibleToken.updateMany({ where: { id: tokenRowId, status: 'WITHDRAWING' }, data: { status: 'MINTED', withdrawnTo: null, withdrawTxKey: null } })
        throw refuse('RECEIVER_REFUSED', `The transfer would fail (${revertReason(err, collectiblesAbi)}): that address cannot take the token.`)
      }
      const fees = await c.public.estimateFeesPerGas()
      // twice the gas at three times today's fee: room for the estimate and for fee bumps
      const needed = gas * 2n * fees.maxFeePerGas * 3n
      const balance = await c.public.getBalance({ address: from })
      return { topUpWei: String(needed > balance ? needed - balance : 0n) }
    },

    /** Journals the minter's gas top-up of the owner's custodial wallet (one per withdrawal). */
    async prepareGasTopUp({ tokenRowId, wei, workflowId, attempt }: { tokenRowId: string; wei: string; workflowId: string; attempt: string }): Promise<{ key: string }> {
      const t = await db.collectibleToken.findUniqueOrThrow({ where: { id: tokenRowId } })
      const key = withdrawalTxKey(tokenRowId, attempt, 'gas')
      await d.journal.prepare({ key, to: await d.wallets.addressOf(t.buyerId), data: '0x', value: BigInt(wei), purpose: 'gasTopUp', workflowId })
      return { key }
    },

    /** Journals the transfer, signed by the owner's custodial wallet (its key opened for this signature only). */
    async prepareWithdrawalTx({ tokenRowId, workflowId }: { tokenRowId: string; workflowId: string }): Promise<{ key: string }> {
      const t = await db.collectibleToken.findUniqueOrThrow({ where: { id: tokenRowId } })
      if (!t.withdrawnTo || !t.withdrawTxKey) throw new Error(`token ${tokenRowId} has no withdrawal under way`)
      const owner = await d.wallets.accountFor(t.buyerId)
      const data = encodeFunctionData({ abi: collectiblesAbi, functionName: 'safeTransferFrom', args: [owner.address, t.withdrawnTo as Address, BigInt(t.tokenId!)] })
      return chainCall(t.withdrawTxKey, 'withdraw', data, workflowId, d.journalFor(owner))
    },

    /** Records the token as withdrawn once the chain, as deep as asked, shows the new owner. */
    async recordWithdrawn({ tokenRowId }: { tokenRowId: string }): Promise<{ owner: Address }> {
      const t = await db.collectibleToken.findUniqueOrThrow({ where: { id: tokenRowId } })
      const c = await d.chain()
      const blockNumber = await confirmedBlockNumber(c.public, d.confirmations)
      const owner = await c.public.readContract({ address: d.contract, abi: collectiblesAbi, functionName: 'ownerOf', args: [BigInt(t.tokenId!)], blockNumber })
      if (getAddress(owner) !== getAddress(t.withdrawnTo!)) throw new Error(`token ${t.tokenId} is owned by ${owner}, not ${t.withdrawnTo}, at block ${blockNumber}`)
      await db.collectibleToken.update({ where: { id: tokenRowId }, data: { status: 'WITHDRAWN', ownerAddress: owner, withdrawnAt: t.withdrawnAt ?? new Date() } })
      return { owner }
    },

    /** A withdrawal that did not happen: the token is in custody again. */
    async undoWithdrawal({ tokenRowId }: { tokenRowId: string }): Promise<void> {
      await db.collectibleToken.updateMany({ where: { id: tokenRowId, status: 'WITHDRAWING' }, data: { status: 'MINTED', withdrawnTo: null, withdrawTxKey: null } })
    },
  }
}

export type CollectibleActivities = ReturnType<typeof createCollectibleActivities>
