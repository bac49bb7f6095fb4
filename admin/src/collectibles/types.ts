/** Collectible edition read models (GET /api/collectible-editions, /api/collectible-editions/:id), prices in integer minor units. */
import type { ChainTx } from '../chain-transactions/types'

export const EDITION_STATUS = {
  gating: 'GATING', creating: 'CREATING', live: 'LIVE', soldOut: 'SOLD_OUT', takenDown: 'TAKEN_DOWN', refused: 'REFUSED', failed: 'FAILED',
} as const
export type EditionStatus = (typeof EDITION_STATUS)[keyof typeof EDITION_STATUS]

export const TOKEN_STATUS = { reserved: 'RESERVED', minting: 'MINTING', minted: 'MINTED', released: 'RELEASED' } as const
export type TokenStatus = (typeof TOKEN_STATUS)[keyof typeof TOKEN_STATUS]

export type Edition = {
  id: string
  brand: string | null
  title: string
  description: string
  creator: { id: string; name: string }
  mediaId: string
  thumbnailUrl: string | null
  priceMinor: number
  currency: string
  maxSupply: number
  sold: number
  remaining: number
  royaltyBps: number
  status: EditionStatus
  /** why the gate refused it or creation failed (staff and the creator only) */
  refusal: { code: string; reason: string | null } | null
  contractAddress: string | null
  editionKey: string
  metadataUri: string | null
  workflowId: string
  liveAt: string | null
  createdAt: string
  takenDownAt?: string | null
}

/** One token of an edition: reserved by a purchase, being minted, minted to the buyer's wallet, or released after a failed sale. */
export type EditionToken = {
  id: string
  purchaseId: string
  buyerId: string
  buyerName: string | null
  status: TokenStatus
  tokenId: string | null
  serial: number | null
  ownerAddress: string | null
  /** the chain transaction (journal key) that minted it */
  txKey: string | null
  workflowId: string
  mintedAt: string | null
}

export type EditionDetail = Edition & { tokens: EditionToken[]; transactions: ChainTx[] }

/** 500 bps -> '5 %'. */
export const royaltyText = (bps: number) => `${bps / 100} %`
