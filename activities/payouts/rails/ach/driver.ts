/** The ACH payout rail through Dwolla: payee customer + bank funding source, then a transfer from our master funding source. */
import { decimalText, money } from '../../../../domain/money.ts'
import { PAYOUT_FAILURES, type PayoutRail, type PayoutState } from '../../rail.ts'
import { createDwollaClient, dwollaErrors } from './client.ts'
import { correlationIdFor } from './codes.ts'
import { createDwollaNotificationParser } from './notifications.ts'
import { ensurePayee } from './payee.ts'
import { listTransfers, payoutStateOf, reportLines } from './transfers.ts'

export type AchRailConfig = {
  /** https://api.dwolla.com, https://api-sandbox.dwolla.com, or the local sandbox */
  baseUrl: string
  /** application key and secret for the client-credentials token (secret) */
  key: string
  secret: string
  /** the webhook subscription's secret, which signs every webhook (secret) */
  webhookSecret: string
  /** our Dwolla master account id, whose transfers report() lists */
  accountId: string
  /** the master account's funding source payouts are paid from */
  masterFundingSourceId: string
  /** domain of the derived e-mail each payee customer needs (Dwolla requires one); default payees.fanz.invalid */
  payeeEmailDomain?: string
  fetch?: typeof fetch
  now?: () => number
}

const DAY_MS = 86_400_000
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const unsupported = (message: string): PayoutState => ({ status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.unsupported, railCode: 'UNSUPPORTED', message })

/** A PayoutRail for ACH through Dwolla; it keeps only the access token between calls. */
export function createAchRail(config: AchRailConfig): PayoutRail {
  const now = config.now ?? Date.now
  const client = createDwollaClient({ baseUrl: config.baseUrl, key: config.key, secret: config.secret, fetch: config.fetch ?? globalThis.fetch, now })
  const emailDomain = config.payeeEmailDomain ?? 'payees.fanz.invalid'
  const parse = createDwollaNotificationParser(config.webhookSecret)

  /** The transfer sent with this key, found by its correlationId (Dwolla keeps Idempotency-Keys for 24 hours only). */
  async function earlier(idempotencyKey: string): Promise<PayoutState | null> {
    const [row] = await listTransfers(client, config.accountId, { correlationId: correlationIdFor(idempotencyKey) })
    return row ? payoutStateOf(client, row, now) : null
  }

  return {
    name: 'ach',
    async verifyDestination(destination) {
      if (destination.rail !== 'ach') return { verified: false, failure: PAYOUT_FAILURES.unsupported, message: `ACH cannot pay a ${destination.rail} destination` }
      const payee = await ensurePayee(client, destination, emailDomain)
      return payee.ok ? { verified: true, providerRecipientId: payee.fundingSourceHref.split('/').at(-1) ?? null } : { verified: false, failure: payee.failure, message: payee.message }
    },
    async send(r) {
      const d = r.destination
      if (d.rail !== 'ach') return unsupported(`ACH cannot pay a ${d.rail} destination`)
      if (r.currency !== 'USD') return unsupported(`ACH pays USD only, not ${r.currency}`)
      const before = await earlier(r.idempotencyKey)
      if (before) return before
      const payee = await ensurePayee(client, d, emailDomain)
      if (!payee.ok) return { status: 'failed', providerRef: null, failure: payee.failure, railCode: payee.railCode, message: payee.message }
      const reply = await client.call('POST', '/transfers', {
        _links: { source: { href: client.href(`/funding-sources/${config.masterFundingSourceId}`) }, destination: { href: payee.fundingSourceHref } },
        amount: { currency: 'USD', value: decimalText(money(r.amount, 'USD')) },
        metadata: { workflowId: r.reference.workflowId, creatorId: r.reference.creatorId, runId: r.reference.runId, idempotencyKey: r.idempotencyKey.slice(0, 255) },
        correlationId: correlationIdFor(r.idempotencyKey),
      }, { 'Idempotency-Key': r.idempotencyKey })
      const id = reply.status === 201 ? reply.location?.split('/').at(-1) : undefined
      if (id) return { status: 'sent', providerRef: id }
      if (reply.status === 400) {
        // a refusal of a repeat (Idempotency-Key kept 24 hours only) may stand before a transfer made by an earlier attempt
        const made = await earlier(r.idempotencyKey)
        if (made) return made
        const errors = dwollaErrors(reply.body)
        const short = errors.some((e) => e.code === 'InsufficientFunds')
        return { status: 'failed', providerRef: null, failure: short ? PAYOUT_FAILURES.insufficientFunds : PAYOUT_FAILURES.rejected,
          railCode: errors[0]?.code ?? '400', message: `Dwolla: ${errors.map((e) => e.message).join('; ')}` }
      }
      throw new Error(`Dwolla POST /transfers answered HTTP ${reply.status} without a transfer`)
    },
    status: (idempotencyKey) => earlier(idempotencyKey),
    parseNotification: (n) => parse(n),
    /** Dwolla lists by creation date: transfers created in [from, to), in their current status (a later return shows here). */
    async report(range) {
      const [from, to] = [Date.parse(range.from), Date.parse(range.to)]
      const rows = await listTransfers(client, config.accountId, { startDate: day(from - DAY_MS), endDate: day(to + DAY_MS) })
      return reportLines(client, rows.filter((r) => Date.parse(r.created) >= from && Date.parse(r.created) < to), config.masterFundingSourceId)
    },
  }
}
