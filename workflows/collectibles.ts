/**
 * Collectibles as workflows. createCollectible: compliance gate -> metadata (content-addressed) -> createEdition on
 * chain -> confirmations -> on sale and indexed. mintCollectible (a fan buys one token): quote -> reserve (the edition
 * can never oversell) -> gate again -> charge -> mint to the fan's custodial wallet -> confirmations -> ledger (sale
 * and mint fee, one entry) -> indexed; the share stays pending through the chargeback window. Nothing reaches the
 * chain unless the gate passed; a mint the chain refuses releases the token and refunds the charge.
 */
import { ActivityFailure, ApplicationFailure, condition, ParentClosePolicy, proxyActivities, setHandler, startChild, workflowInfo } from '@temporalio/workflow'
import type { CollectibleActivities } from '../activities/collectibles/index.ts'
import type * as finance from '../activities/purchases/index.ts'
import type * as ledger from '../activities/ledger/index.ts'
import { collectibleSaleTemplate, releasePendingTemplate, settleShares } from '../domain/ledger/templates.ts'
import { money } from '../domain/money.ts'
import { splitPurchase } from '../domain/revenue-split.ts'
import { mintFeeOf } from '../domain/collectibles.ts'
import {
  collectibleSaleKey, collectiblesTaskQueue, createCollectibleStateQuery, hideCollectiblesWorkflowId, mintCollectibleStateQuery,
  type CreateCollectibleInput, type CreateCollectibleOutput, type CreateCollectibleState, type HideCollectiblesInput, type MintCollectibleInput,
  type MintCollectibleOutput, type MintCollectibleState, type WithdrawCollectibleInput, type WithdrawCollectibleOutput,
} from './collectibles.contract.ts'
import { chargebackNoticeSignal, refundNoticeSignal } from './purchase-ppv.ts'
import { purchaseKey } from './purchase-ppv.contract.ts'

type Sales = ReturnType<typeof finance.createPurchaseActivities> & ReturnType<typeof ledger.createLedgerActivities>

// database steps before anything is signed: keyed, so retries are safe
const act = proxyActivities<CollectibleActivities>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumAttempts: 10 } })
// every step from signing on: retried until it succeeds (a node or database down for a day is waited out), since giving
// up would abandon a journalled nonce (stalling every later transaction) or undo a sale whose token is on chain; only a
// call the chain refuses by estimation fails at once (a non-retryable ApplicationFailure named after the contract error)
const chainAct = proxyActivities<CollectibleActivities>({ startToCloseTimeout: '1m', retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '5m' } })
// waiting for confirmations: each attempt waits a minute (heartbeating), then a retry resumes
const confirm = proxyActivities<CollectibleActivities>({ startToCloseTimeout: '2m', heartbeatTimeout: '30s',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '5m', nonRetryableErrorTypes: ['NonceTaken'] } })
const sales = proxyActivities<Sales>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumAttempts: 8 } })
// the sale's entry after the token is on chain: there is no undoing the mint, so this is retried until it posts
const book = proxyActivities<Sales>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumInterval: '1m' } })

const messageOf = (err: unknown) => (err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err))
/** A non-retryable refusal raised by an activity (the chain would revert the call), as opposed to a step that gave up. */
const isRefusal = (err: unknown) => err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable
const typeOf = (err: unknown): string | null => {
  const cause = (err as { cause?: { type?: unknown } }).cause
  return typeof cause?.type === 'string' ? cause.type : null
}

/** Sends a journalled call and waits until it is deep enough. */
async function sendAndConfirm(key: string) {
  await chainAct.broadcastChainTx({ key })
  return confirm.confirmChainTx({ key })
}

/** A creator's edition goes on chain once the gate passes; a takedown meanwhile hides it as soon as it exists. */
export async function createCollectible(input: CreateCollectibleInput): Promise<CreateCollectibleOutput> {
  const { workflowId } = workflowInfo()
  let state: CreateCollectibleState = 'gating'
  setHandler(createCollectibleStateQuery, () => state)
  const gate = await act.gateCollectible({ editionId: input.editionId, recordRefusal: true })
  if (!gate.ok) {
    state = 'refused'
    return { status: 'REFUSED', code: gate.code, reason: gate.reason, txHash: null }
  }
  state = 'writing-metadata'
  await act.writeCollectibleMetadata({ editionId: input.editionId })
  state = 'creating'
  const { key } = await chainAct.prepareEditionTx({ editionId: input.editionId, workflowId })
  if (!key) {
    // taken down before it reached the chain: nothing to create, nothing to hide
    state = 'taken-down'
    return { status: 'TAKEN_DOWN', code: 'TAKEN_DOWN', reason: 'The media was taken down before the edition was created.', txHash: null }
  }
  state = 'confirming'
  const outcome = await sendAndConfirm(key)
  if (outcome.status === 'REVERTED') {
    state = 'failed'
    await act.markCollectible({ editionId: input.editionId, status: 'FAILED', reason: `createEdition reverted in ${outcome.hash}` })
    return { status: 'FAILED', code: 'CHAIN_REVERTED', reason: 'The chain refused the edition.', txHash: outcome.hash }
  }
  const { status } = await act.markCollectible({ editionId: input.editionId, status: 'LIVE' })
  if (status === 'TAKEN_DOWN') {
    // taken down while being created: now that it exists on chain, hide it there too
    const { mediaId } = await act.editionMedia({ editionId: input.editionId })
    await hideOnChain({ mediaId, takedownKey: `creation:${workflowId}`, editionId: input.editionId })
    state = 'taken-down'
    return { status: 'TAKEN_DOWN', code: 'TAKEN_DOWN', reason: 'The media was taken down while the edition was created.', txHash: outcome.hash }
  }
  await act.indexCollectible({ editionId: input.editionId })
  state = 'live'
  return { status: 'LIVE', code: null, reason: null, txHash: outcome.hash }
}

async function hideOnChain(input: HideCollectiblesInput): Promise<number> {
  const { keys } = await chainAct.takeDownCollectibles({ ...input, workflowId: workflowInfo().workflowId })
  for (const key of keys) await sendAndConfirm(key)
  return keys.length
}

/** A takedown of the media: its editions stop selling at once and their metadata is hidden on chain (owners keep tokens). */
export async function hideCollectibles(input: HideCollectiblesInput): Promise<{ hidden: number }> {
  return { hidden: await hideOnChain(input) }
}

/** Starts hideCollectibles for a takedown without waiting for the chain (used by takedownMedia). */
export async function startHidingCollectibles(mediaId: string, takedownKey: string): Promise<void> {
  await startChild(hideCollectibles, { workflowId: hideCollectiblesWorkflowId(mediaId, takedownKey), taskQueue: collectiblesTaskQueue,
    parentClosePolicy: ParentClosePolicy.ABANDON, args: [{ mediaId, takedownKey }] })
}

/** A fan buys one token of an edition: paid once, minted once, booked once. */
export async function mintCollectible(input: MintCollectibleInput): Promise<MintCollectibleOutput> {
  const { workflowId } = workflowInfo()
  const { purchaseId, editionId } = input
  let state: MintCollectibleState = 'quoting'
  let takenBack = false
  setHandler(mintCollectibleStateQuery, () => state)
  setHandler(chargebackNoticeSignal, () => { takenBack = true })
  setHandler(refundNoticeSignal, () => { takenBack = true })
  const done = (s: MintCollectibleState, out: Omit<MintCollectibleOutput, 'token'> & { token?: MintCollectibleOutput['token'] }): MintCollectibleOutput => {
    state = s
    return { token: null, ...out }
  }

  let quote
  try {
    quote = await act.quoteCollectible({ editionId, fanId: input.fanId, jurisdiction: input.jurisdiction })
  } catch (err) {
    return done('refused', { state: 'refused', transactionId: null, code: typeOf(err), reason: messageOf(err) })
  }
  await sales.recordPurchase({ purchaseId, status: 'PENDING', create: { workflowId, kind: 'collectible', fanId: input.fanId, creatorId: quote.creatorId,
    postId: null, brand: quote.brand, amount: quote.amount, currency: quote.currency, processor: input.processor } })
  const refused = async (code: string, reason: string) => {
    await act.releaseCollectible({ purchaseId })
    await sales.recordPurchase({ purchaseId, status: 'FAILED', failureReason: reason })
    return done('refused', { state: 'refused', transactionId: null, code, reason })
  }

  state = 'reserving'
  const held = await act.reserveCollectible({ editionId, purchaseId, fanId: input.fanId, workflowId })
  if (!held.ok) return refused(held.code, held.reason)
  // the content, its performers and the creator must still pass when the token is made, not only when the edition was
  const gate = await act.gateCollectible({ editionId, recordRefusal: false })
  if (!gate.ok) return refused(gate.code, gate.reason)

  state = 'charging'
  let charge
  try {
    charge = await sales.chargeFan({ processor: input.processor, idempotencyKey: collectibleSaleKey(purchaseId, 'charge'), paymentToken: input.paymentToken,
      amount: quote.amount, currency: quote.currency, description: `Collectible ${editionId}`, reference: { workflowId, fanId: input.fanId } })
  } catch (err) {
    // the processor could not be reached for good: the token goes back on sale; finance sees the failed run and the processor's record
    await act.releaseCollectible({ purchaseId })
    await sales.recordPurchase({ purchaseId, status: 'FAILED', failureReason: `charge not confirmed: ${messageOf(err)}` })
    throw err
  }
  if (charge.status === 'declined') {
    await act.releaseCollectible({ purchaseId })
    await sales.recordPurchase({ purchaseId, status: 'DECLINED', transactionId: charge.transactionId, declineCode: charge.decline })
    return done('declined', { state: 'declined', transactionId: charge.transactionId, code: charge.decline, reason: charge.message })
  }

  // only a mint the chain refused (by estimation: nothing sent, or mined and reverted) is undone; anything else is retried
  const undoSale = async (code: string | null, reason: string) => {
    state = 'compensating'
    await act.releaseCollectible({ purchaseId })
    await sales.refundCharge({ processor: input.processor, idempotencyKey: collectibleSaleKey(purchaseId, 'refund'), transactionId: charge.transactionId,
      amount: quote.amount, currency: quote.currency, reason: 'the collectible could not be minted' })
    await sales.recordPurchase({ purchaseId, status: 'FAILED', transactionId: charge.transactionId, failureReason: reason })
    return done('failed', { state: 'failed', transactionId: charge.transactionId, code, reason })
  }
  state = 'minting'
  let key: string
  try {
    key = (await chainAct.prepareMintTx({ purchaseId, workflowId })).key
  } catch (err) {
    if (!isRefusal(err)) throw err
    return undoSale(typeOf(err), messageOf(err))
  }
  state = 'confirming'
  const outcome = await sendAndConfirm(key)
  if (outcome.status === 'REVERTED') return undoSale('CHAIN_REVERTED', `the mint reverted in ${outcome.hash}`)
  const minted = await chainAct.recordMinted({ purchaseId, hash: outcome.hash })

  state = 'posting'
  const split = splitPurchase({ gross: money(quote.amount, quote.currency), taxBps: quote.taxBps, creatorShareBps: quote.creatorShareBps,
    processorFee: { kind: 'reported', amount: charge.processorFee }, referral: quote.referral ?? null, at: new Date().toISOString() })
  const settled = settleShares(split, quote.settlement ?? null)
  const fee = mintFeeOf(quote.mintFeeMinor, settled.creator)
  const sale = collectibleSaleTemplate({ brand: quote.brand, currency: quote.currency, fanId: input.fanId, creatorId: quote.creatorId, processor: input.processor,
    jurisdiction: input.jurisdiction, split, settled, mintFee: fee })
  const posted = await book.postJournalEntry({ idempotencyKey: collectibleSaleKey(purchaseId, 'sale'), kind: 'collectible_sale', memo: sale.memo, brand: quote.brand,
    postings: sale.postings, ...(settled.fx ? { fx: settled.fx } : {}),
    metadata: { purchaseId, editionId, transactionId: charge.transactionId, tokenId: minted.tokenId, txHash: minted.hash, mintFee: fee, shareRuleId: quote.shareRuleId ?? null } })
  await sales.recordPurchase({ purchaseId, status: 'COMPLETED', transactionId: charge.transactionId, ledgerEntryId: posted.entryId,
    split: settled.fx ? { ...split, settled } : split })
  await act.indexCollectible({ editionId, afterSale: true })
  state = 'completed'
  const token = { tokenId: minted.tokenId, serial: minted.serial, ownerAddress: minted.ownerAddress, txHash: minted.hash }

  // the creator's share (less the mint fee) stays pending through the chargeback window, then becomes payable
  const takenBackInWindow = await condition(() => takenBack, `${quote.chargebackWindowDays} days`)
  const payable = settled.creator - fee
  if (!takenBackInWindow && payable > 0) {
    const release = releasePendingTemplate({ brand: quote.brand, currency: settled.currency, creatorId: quote.creatorId, amount: payable })
    // the release is keyed like every sale's, so a later refund finds it and reverses from available, not pending
    await book.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'release'), kind: 'creator_share_release', memo: release.memo, brand: quote.brand,
      postings: release.postings })
  }
  return { state: 'completed', transactionId: charge.transactionId, code: null, reason: null, token }
}

/**
 * The owner takes a token out of custody to a wallet of their own: the transfer is checked first (a receiver that
 * refuses ERC-721 tokens is refused with nothing sent), the custodial wallet gets its gas from the minter, then signs
 * the transfer. Both are journalled, so a crash anywhere re-sends the same transactions.
 */
export async function withdrawCollectible(input: WithdrawCollectibleInput): Promise<WithdrawCollectibleOutput> {
  const { workflowId, firstExecutionRunId: attempt } = workflowInfo()
  let plan
  try {
    plan = await chainAct.planWithdrawal({ tokenRowId: input.tokenRowId, to: input.to as `0x${string}`, attempt })
  } catch (err) {
    if (!isRefusal(err)) throw err
    return { status: 'REFUSED', code: typeOf(err), reason: messageOf(err), txHash: null }
  }
  if (BigInt(plan.topUpWei) > 0n) {
    const { key } = await chainAct.prepareGasTopUp({ tokenRowId: input.tokenRowId, wei: plan.topUpWei, workflowId, attempt })
    await sendAndConfirm(key)
  }
  const { key } = await chainAct.prepareWithdrawalTx({ tokenRowId: input.tokenRowId, workflowId })
  const outcome = await sendAndConfirm(key)
  if (outcome.status === 'REVERTED') {
    await act.undoWithdrawal({ tokenRowId: input.tokenRowId })
    return { status: 'FAILED', code: 'CHAIN_REVERTED', reason: 'The chain refused the transfer; the token stays in custody.', txHash: outcome.hash }
  }
  await chainAct.recordWithdrawn({ tokenRowId: input.tokenRowId })
  return { status: 'WITHDRAWN', code: null, reason: null, txHash: outcome.hash }
}
