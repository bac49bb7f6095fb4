/** The Wise payout rail: recipient, quote, transfer (idempotent by customerTransactionId), funded from our Wise balance. */
import { decimalText, isCurrency, money } from '../../../../domain/money.ts'
import type { WiseDestination } from '../../../../domain/payouts/destinations.ts'
import { PAYOUT_FAILURES, type PayoutRail, type PayoutRequest, type PayoutState } from '../../rail.ts'
import { createWiseClient, wiseErrors, type WiseClient } from './client.ts'
import { customerTransactionIdFor, payoutStateOf } from './codes.ts'
import { createWiseNotificationParser } from './notifications.ts'
import { createRecipient } from './recipient.ts'
import { listTransfers, wiseReport, type WiseTransferRow } from './report.ts'

export type WiseRailConfig = {
  /** https://api.wise.com (live), https://api.wise-sandbox.com, or the local sandbox */
  baseUrl: string
  /** API token of the business profile (secret) */
  apiToken: string
  /** the business profile id that owns the balances and transfers */
  profileId: number
  /** Wise's webhook public key (PEM): webhooks are verified against it (public, not a secret) */
  webhookPublicKeyPem: string
  /** how far back status() and report() look for transfers by creation date; default 35 days */
  lookbackDays?: number
  /**
   * how far back send() looks for the transfer an earlier attempt made; default 3 days: our keys are per payout workflow,
   * whose send activity gives up a day after it was first scheduled (the list is newest first, so a retry finds it at once)
   */
  sendLookbackDays?: number
  fetch?: typeof fetch
  now?: () => number
}

type Transfer = { id: number; status: string }
const DAY_MS = 86_400_000
// the shortest reference limit among Wise's common routes; longer descriptions are cut rather than refused
const REFERENCE_MAX = 35
const decimal = (amount: number, currency: string) => Number(decimalText(money(amount, currency)))
const unsupported = (message: string): PayoutState => ({ status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.unsupported, railCode: 'UNSUPPORTED', message })

function asTransfer(body: unknown, what: string): Transfer {
  const t = body as Partial<Transfer> | null
  if (typeof t?.id !== 'number' || typeof t.status !== 'string') throw new Error(`Wise ${what} answered without a transfer`)
  return t as Transfer
}

/** Quote for the exact payout: the target amount when no conversion is involved, else our source amount. */
async function quote(client: WiseClient, profileId: number, r: PayoutRequest, d: WiseDestination, targetAccount: number) {
  const same = r.currency === d.currency
  const reply = await client.call('POST', `/v3/profiles/${profileId}/quotes`, {
    sourceCurrency: r.currency, targetCurrency: d.currency, targetAccount, payOut: 'BANK_TRANSFER',
    ...(same ? { targetAmount: decimal(r.amount, r.currency) } : { sourceAmount: decimal(r.amount, r.currency) }),
  })
  const id = (reply.body as { id?: unknown } | null)?.id
  if (reply.status < 300 && typeof id === 'string') return { ok: true as const, id }
  const errors = wiseErrors(reply.body)
  if (reply.status === 422 || reply.status === 400) {
    return { ok: false as const, state: unsupported(`Wise will not quote this payout: ${errors.map((e) => e.message).join('; ')}`) }
  }
  throw new Error(`Wise quote answered HTTP ${reply.status}`)
}

/** Funds a waiting transfer from the balance; REJECTED for want of money is INSUFFICIENT_FUNDS (funding again later pays it). */
async function fund(client: WiseClient, profileId: number, t: Transfer, now: () => number): Promise<PayoutState> {
  const providerRef = String(t.id)
  const reply = await client.call('POST', `/v3/profiles/${profileId}/transfers/${t.id}/payments`, { type: 'BALANCE' })
  const body = (reply.body ?? {}) as { status?: string; errorCode?: string | null }
  if (reply.status < 300 && body.status === 'COMPLETED') return { status: 'sent', providerRef }
  if (reply.status < 300 && body.status === 'REJECTED') {
    const insufficient = /insufficient|payment-option-unavailable/.test(body.errorCode ?? '')
    return { status: 'failed', providerRef, failure: insufficient ? PAYOUT_FAILURES.insufficientFunds : PAYOUT_FAILURES.rejected,
      railCode: body.errorCode ?? 'REJECTED', message: insufficient ? 'Wise: our balance is short for this payout' : `Wise refused to fund: ${body.errorCode ?? ''}` }
  }
  // already funded meanwhile (a concurrent retry): the transfer's own state is the answer
  if (reply.status === 422 && wiseErrors(reply.body).some((e) => e.code === 'transfer.invalid-state')) {
    const current = asTransfer((await client.call('GET', `/v1/transfers/${t.id}`)).body, 'GET /v1/transfers/{id}')
    return payoutStateOf(providerRef, current.status, new Date(now()).toISOString())
  }
  throw new Error(`Wise funding of transfer ${t.id} answered HTTP ${reply.status}`)
}

/** A PayoutRail for Wise; it keeps no state between calls. */
export function createWiseRail(config: WiseRailConfig): PayoutRail {
  const client = createWiseClient({ baseUrl: config.baseUrl, apiToken: config.apiToken, fetch: config.fetch ?? globalThis.fetch })
  const now = config.now ?? Date.now
  const lookbackMs = (config.lookbackDays ?? 35) * DAY_MS
  const sendLookbackMs = Math.min((config.sendLookbackDays ?? 3) * DAY_MS, lookbackMs)
  const parse = createWiseNotificationParser(config.webhookPublicKeyPem)

  /** The transfer made with this key (by its customerTransactionId), reading no page past the one holding it. */
  async function transferOf(idempotencyKey: string, backMs: number): Promise<WiseTransferRow | null> {
    const ctid = customerTransactionIdFor(idempotencyKey)
    const ours = (t: WiseTransferRow) => t.customerTransactionId === ctid
    const rows = await listTransfers(client, config.profileId, new Date(now() - backMs).toISOString(), new Date(now() + DAY_MS).toISOString(), ours)
    return rows.find(ours) ?? null
  }
  /** Where send() takes up a transfer, new or made before: one still waiting for its money is funded now. */
  const resume = (t: Transfer): Promise<PayoutState> | PayoutState => t.status === 'incoming_payment_waiting'
    ? fund(client, config.profileId, t, now) : payoutStateOf(String(t.id), t.status, new Date(now()).toISOString())

  return {
    name: 'wise',
    async verifyDestination(destination) {
      if (destination.rail !== 'wise') return { verified: false, failure: PAYOUT_FAILURES.unsupported, message: `Wise cannot pay a ${destination.rail} destination` }
      const outcome = await createRecipient(client, config.profileId, destination)
      return outcome.ok ? { verified: true, providerRecipientId: String(outcome.id) } : { verified: false, failure: outcome.failure, message: outcome.message }
    },
    async send(r) {
      const d = r.destination
      if (d.rail !== 'wise') return unsupported(`Wise cannot pay a ${d.rail} destination`)
      if (!isCurrency(r.currency) || r.currency === 'USDC' || !isCurrency(d.currency) || d.currency === 'USDC') return unsupported(`Wise does not pay ${r.currency} to ${d.currency} here`)
      // an earlier attempt's transfer (its answer lost, or a crash before funding) is the payout: nothing new is created
      const made = await transferOf(r.idempotencyKey, sendLookbackMs)
      if (made) return resume(made)
      const recipient = await createRecipient(client, config.profileId, d)
      if (!recipient.ok) return { status: 'failed', providerRef: null, failure: recipient.failure, railCode: recipient.railCode, message: recipient.message }
      const q = await quote(client, config.profileId, r, d, recipient.id)
      if (!q.ok) return q.state
      const reply = await client.call('POST', '/v1/transfers', { targetAccount: recipient.id, quoteUuid: q.id,
        customerTransactionId: customerTransactionIdFor(r.idempotencyKey), details: { reference: r.description.slice(0, REFERENCE_MAX) } })
      if (reply.status >= 400 && reply.status < 500) {
        // Wise may refuse a customerTransactionId it knows when it comes with another quote: that first transfer is the answer
        const first = await transferOf(r.idempotencyKey, sendLookbackMs)
        if (first) return resume(first)
        if (reply.status !== 400 && reply.status !== 422) throw new Error(`Wise POST /v1/transfers answered HTTP ${reply.status}`)
        const errors = wiseErrors(reply.body)
        return { status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.rejected, railCode: errors[0]?.code ?? String(reply.status),
          message: `Wise refused the transfer: ${errors.map((e) => e.message).join('; ')}` }
      }
      return resume(asTransfer(reply.body, 'POST /v1/transfers'))
    },
    /**
     * The transfer by its customerTransactionId. One still waiting for its money is 'sent': it can yet be funded, and
     * send()'s next attempt funds it; status() itself never moves money (it is read by polls and by people).
     */
    async status(idempotencyKey) {
      const hit = await transferOf(idempotencyKey, lookbackMs)
      return hit ? payoutStateOf(String(hit.id), hit.status, new Date(now()).toISOString()) : null
    },
    /** The customerTransactionId, which report() gives as each line's reference. */
    referenceOf: customerTransactionIdFor,
    parseNotification: (n) => parse(n),
    report: (range) => wiseReport(client, config.profileId, range, lookbackMs),
  }
}
