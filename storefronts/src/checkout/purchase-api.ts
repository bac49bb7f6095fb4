import { ApiError, apiFetch } from '../api'
import type { Post, Purchase, StartedPurchase } from './types'

const POLL_MS = 300
const POLL_LIMIT_MS = 30_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Published PPV posts of one brand, cheapest first. */
export const listPosts = (brand: string) => apiFetch<Post[]>(`/api/posts?brand=${encodeURIComponent(brand)}`)

/** Whether the signed-in fan already holds access to a post. */
export const hasAccess = async (postId: string, token: string) =>
  (await apiFetch<{ entitled: boolean }>(`/api/posts/${postId}/access`, { token })).entitled

/** paymentToken: required for card processors; left out, Verotel uses the fan's stored one-click token and crypto the fan's wallet */
export type PurchaseRequest = { postId: string; paymentToken?: string; jurisdiction: string }

export const startPurchase = (request: PurchaseRequest, token: string) =>
  apiFetch<StartedPurchase>('/api/purchases', { method: 'POST', body: request, token })

/**
 * Polls until the purchase workflow records an outcome. Right after the 202 the row may not exist yet
 * (the workflow writes it), so a 404 means "not yet", not "gone". Null if no outcome within 30 s.
 */
export async function waitForOutcome(id: string, token: string, isCancelled: () => boolean): Promise<Purchase | null> {
  const deadline = Date.now() + POLL_LIMIT_MS
  while (Date.now() < deadline && !isCancelled()) {
    try {
      const purchase = await apiFetch<Purchase>(`/api/purchases/${id}`, { token })
      if (purchase.status !== 'PENDING') return purchase
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
    }
    await sleep(POLL_MS)
  }
  return null
}

/** What to tell a fan when a purchase could not be started. */
export function purchaseErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.'
  switch (error.code) {
    case 'WORKFLOW_ALREADY_STARTED':
      return 'You already bought this post (or your purchase of it is still being processed).'
    case 'OWN_POST':
      return 'This is your own post: creators cannot buy their own posts.'
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Please sign in again.'
    default:
      return error.message
  }
}
