/** Posts Wise `transfers#state-change` webhooks: JSON signed RSA-SHA256 (base64, X-Signature-SHA256) with the sandbox's key. */
import { createSign, randomUUID } from 'node:crypto'
import { createNotificationPoster, type AnsweredDelivery, type PosterSettings } from '../notification-poster.ts'
import { WISE_SANDBOX_PRIVATE_KEY_PEM } from './local-keys.ts'
import type { WiseTransfer, WiseTransferState } from './state.ts'

/** The subscription every sandbox webhook names (one subscription per sandbox). */
export const SANDBOX_SUBSCRIPTION_ID = 'f5b51f77-e14a-433b-9f7c-fc2834ffcff5'

/** One webhook and what became of it; `body` is the last bytes sent (sent_at changes per attempt, so does the signature). */
export type Delivery = AnsweredDelivery & { event: Record<string, unknown>; body: string }

/** The sandbox's signer: base64 RSA-SHA256 of the exact body bytes. */
export const signBody = (body: string, privateKeyPem = WISE_SANDBOX_PRIVATE_KEY_PEM): string =>
  createSign('RSA-SHA256').update(body, 'utf8').sign(privateKeyPem, 'base64')

/** The event body of a state change, as Wise's schema 2.0.0 puts it (sent_at is added per attempt). */
export const stateChangeEvent = (t: WiseTransfer, previous: WiseTransferState | null, occurredAt: string) => ({
  data: {
    resource: { type: 'transfer', id: t.id, profile_id: t.profile, account_id: t.targetAccount },
    current_state: t.status, previous_state: previous, occurred_at: occurredAt,
  },
  subscription_id: SANDBOX_SUBSCRIPTION_ID, event_type: 'transfers#state-change', schema_version: '2.0.0',
})

/** A poster retrying with backoff until the merchant answers 2xx. */
export function createWiseWebhookPoster(options: PosterSettings) {
  const poster = createNotificationPoster<Delivery>({
    ...options,
    request: (url, d) => {
      d.body = JSON.stringify({ ...d.event, sent_at: new Date().toISOString() })
      return { url, init: { method: 'POST', body: d.body, headers: {
        'Content-Type': 'application/json', 'X-Signature-SHA256': signBody(d.body), 'X-Delivery-Id': randomUUID() } } }
    },
    recordAnswers: true,
  })
  return {
    ...poster,
    /** Schedules one state-change webhook (twice when duplicating); a no-op without a webhook URL. */
    post(event: Record<string, unknown>): void {
      poster.post(() => ({ event, body: '', attempts: 0, delivered: false, answers: [] }))
    },
  }
}
export type WiseWebhookPoster = ReturnType<typeof createWiseWebhookPoster>
