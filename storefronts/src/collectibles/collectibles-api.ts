/** The storefront's slice of the collectibles API: a brand's editions, buying a token, the fan's tokens, the creator's editions. */
import { ApiError, apiFetch, apiSubmit } from '../api'

export type EditionStatus = 'GATING' | 'CREATING' | 'LIVE' | 'SOLD_OUT' | 'TAKEN_DOWN' | 'REFUSED' | 'FAILED'

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
  /** only in the creator's own list: why the checks refused it or creation failed */
  refusal: { code: string; reason: string | null } | null
  contractAddress: string | null
  editionKey: string
  metadataUri: string | null
  workflowId: string
  liveAt: string | null
  createdAt: string
}

export type MintState = 'quoting' | 'reserving' | 'charging' | 'minting' | 'confirming' | 'posting' | 'completed' | 'declined' | 'refused'
  | 'compensating' | 'failed'
export type MintedToken = { tokenId: string; serial: number; ownerAddress: string; txHash: string | null }

/** A collectible purchase as its workflow stands (GET /api/collectible-purchases/:id). */
export type CollectiblePurchase = {
  purchaseId: string
  editionId: string | null
  status: 'PENDING' | 'COMPLETED' | 'DECLINED' | 'FAILED'
  state: MintState | null
  code: string | null
  reason: string | null
  token: MintedToken | null
}

export type OwnedToken = MintedToken & { mintedAt: string | null; edition: Edition | undefined }
export type MyCollectibles = { wallet: { address: string } | null; data: OwnedToken[] }
export type CollectibleMedia = { id: string; title: string; thumbnailUrl: string | null }

export type EditionInput = { brand: string; mediaId: string; title: string; description?: string; maxSupply: number; priceMinor: number; currency?: string
  royaltyBps?: number }
export type BuyInput = { processor: 'ccbill'; paymentToken: string; jurisdiction: string }

const q = encodeURIComponent
const POLL_MS = 500
// a mint waits for block confirmations after the charge: give it longer than a PPV unlock
const POLL_LIMIT_MS = 90_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const collectiblesApi = {
  /** The brand's editions on sale or sold out (public). */
  editions: (brand: string) => apiFetch<{ data: Edition[]; total: number }>(`/api/collectibles?brand=${q(brand)}`),
  /** 202: the sale's workflow reserves a token, charges, mints; poll `purchase`. */
  buy: (editionId: string, input: BuyInput, token: string) =>
    apiFetch<{ purchaseId: string; workflowId: string }>(`/api/collectibles/${q(editionId)}/purchases`, { method: 'POST', body: input, token }),
  purchase: (purchaseId: string, token: string) => apiFetch<CollectiblePurchase>(`/api/collectible-purchases/${q(purchaseId)}`, { token }),
  mine: (token: string) => apiFetch<MyCollectibles>('/api/me/collectibles', { token }),
  myEditions: (token: string) => apiFetch<{ data: Edition[] }>('/api/me/collectible-editions', { token }),
  mediaFor: (brand: string, token: string) => apiFetch<{ data: CollectibleMedia[] }>(`/api/me/media-for-collectibles?brand=${q(brand)}`, { token }),
  /** 202: the edition is checked and put on chain by its workflow; refusals name the field (ApiFormError.fields). */
  create: (input: EditionInput, token: string) =>
    apiSubmit<{ id: string; workflowId: string; status: EditionStatus }>('/api/collectibles', { body: input, token }),
}

/**
 * Polls the purchase until its workflow decides, telling `onState` where it is (charging, minting…). A 404 right after
 * the 202 means "not yet". Null if still undecided after 90 s.
 */
export async function waitForMint(purchaseId: string, token: string, isCancelled: () => boolean,
  onState: (state: MintState | null) => void): Promise<CollectiblePurchase | null> {
  const deadline = Date.now() + POLL_LIMIT_MS
  while (Date.now() < deadline && !isCancelled()) {
    try {
      const purchase = await collectiblesApi.purchase(purchaseId, token)
      if (purchase.status !== 'PENDING') return purchase
      onState(purchase.state)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
    }
    await sleep(POLL_MS)
  }
  return null
}

/** What to tell a fan when a purchase could not be started. */
export function buyErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.'
  switch (error.code) {
    case 'OWN_EDITION':
      return 'This is your own collectible: creators cannot buy their own editions.'
    case 'SOLD_OUT':
      return 'Every token of this edition is sold.'
    case 'NOT_ON_SALE':
      return 'This collectible is not on sale any more.'
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Please sign in again.'
    default:
      return error.message
  }
}
