/** Contract of the collectible workflows: an edition goes on chain (createCollectible), a fan buys a token (mintCollectible). */
import { defineQuery } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'
import type { PurchasePpvInput } from './purchase-ppv.contract.ts'

/** Chain work and money both run on the finance queue: its worker holds the minter key and the ledger. */
export const collectiblesTaskQueue = TASK_QUEUES.finance

export type CreateCollectibleInput = { editionId: string }
export type CreateCollectibleOutput = { status: 'LIVE' | 'REFUSED' | 'FAILED' | 'TAKEN_DOWN'; code: string | null; reason: string | null; txHash: string | null }
export type CreateCollectibleState = 'gating' | 'writing-metadata' | 'creating' | 'confirming' | 'live' | 'refused' | 'failed' | 'taken-down'

export type MintCollectibleInput = Omit<PurchasePpvInput, 'postId'> & { editionId: string }
export type MintCollectibleState = 'quoting' | 'reserving' | 'charging' | 'minting' | 'confirming' | 'posting' | 'completed' | 'declined'
  | 'refused' | 'compensating' | 'failed'
export type MintCollectibleOutput = {
  state: 'completed' | 'declined' | 'refused' | 'failed'
  transactionId: string | null
  reason: string | null
  code: string | null
  token: { tokenId: string; serial: number; ownerAddress: string; txHash: string } | null
}

export type WithdrawCollectibleInput = { tokenRowId: string; to: string }
export type WithdrawCollectibleOutput = { status: 'WITHDRAWN' | 'REFUSED' | 'FAILED'; code: string | null; reason: string | null; txHash: string | null }

export type HideCollectiblesInput = { mediaId: string; takedownKey: string; editionId?: string }

export const createCollectibleWorkflowId = (editionId: string) => `collectible:${editionId}`
export const mintCollectibleWorkflowId = (purchaseId: string) => `collectible-sale:${purchaseId}`
export const withdrawCollectibleWorkflowId = (tokenRowId: string) => `collectible-withdrawal:${tokenRowId}`
export const hideCollectiblesWorkflowId = (mediaId: string, takedownKey: string) => `collectible-hide:${mediaId}:${takedownKey}`

/** Ledger keys of one collectible sale (by purchase id, like every sale). */
export const collectibleSaleKey = (purchaseId: string, step: 'charge' | 'sale' | 'refund' | 'release') => `collectible-sale:${purchaseId}:${step}`

export const createCollectibleStateQuery = defineQuery<CreateCollectibleState>('createCollectibleState')
export const mintCollectibleStateQuery = defineQuery<MintCollectibleState>('mintCollectibleState')
