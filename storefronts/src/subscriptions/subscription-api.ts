import { ApiError, apiFetch } from '../api'
import type { FanSubscription, Plan, StartedSubscription, SubscriptionDetail } from './types'

const POLL_MS = 400
const POLL_LIMIT_MS = 30_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The active plans of one brand, with the price of every tier and period. */
export const listPlans = (brand: string) => apiFetch<Plan[]>(`/api/plans?brand=${encodeURIComponent(brand)}`)

/** paymentToken: the sandbox test card; promoCode: optional, checked before anything is charged */
export type SubscribeRequest = { planId: string; tierId: string; periodMonths: number; paymentToken: string; jurisdiction: string; promoCode?: string }

export const subscribe = (request: SubscribeRequest, token: string) =>
  apiFetch<StartedSubscription>('/api/subscriptions', { method: 'POST', body: request, token })

export const mySubscriptions = (token: string) => apiFetch<FanSubscription[]>('/api/subscriptions/mine', { token })

export const cancelSubscription = (id: string, mode: 'period-end' | 'immediate', reason: string, token: string) =>
  apiFetch<{ mode: string; accessUntil: string; refund: number }>(`/api/subscriptions/${id}/cancel`, { method: 'POST', body: { mode, reason }, token })

export const pauseSubscription = (id: string, days: number, token: string) =>
  apiFetch<{ pausedAt: string; resumeAt: string }>(`/api/subscriptions/${id}/pause`, { method: 'POST', body: { days }, token })

export const resumeSubscription = (id: string, token: string) =>
  apiFetch<{ nextBillingAt: string }>(`/api/subscriptions/${id}/resume`, { method: 'POST', body: {}, token })

/**
 * Polls until the subscription's workflow has opened it and the first charge (or trial) decided. Right after the 202
 * the row may not exist yet, so a 404 means "not yet". Null if still undecided after 30 s.
 */
export async function waitForStart(id: string, token: string, isCancelled: () => boolean): Promise<SubscriptionDetail | null> {
  const deadline = Date.now() + POLL_LIMIT_MS
  while (Date.now() < deadline && !isCancelled()) {
    try {
      const subscription = await apiFetch<SubscriptionDetail>(`/api/subscriptions/${id}`, { token })
      if (subscription.status !== 'PENDING') return subscription
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
    }
    await sleep(POLL_MS)
  }
  return null
}

/** What to tell a fan when a subscription request was refused. */
export function subscriptionErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.'
  switch (error.code) {
    case 'ALREADY_SUBSCRIBED':
      return 'You already subscribe to this creator. Manage it under Your subscriptions.'
    case 'OWN_PLAN':
      return 'This is your own plan: creators cannot subscribe to themselves.'
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Please sign in again.'
    default:
      return error.message
  }
}
