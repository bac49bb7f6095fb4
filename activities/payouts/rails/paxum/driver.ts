/** The Paxum payout rail: wallet-to-wallet transferFunds, which settles at once; deduped through transactionHistory. */
import { decimalText, isCurrency, money, parseDecimal } from '../../../../domain/money.ts'
import {
  PAYOUT_FAILURES, RAIL_NOTIFICATION_ERRORS, RailNotificationRejected,
  type PayoutRail, type PayoutRequest, type PayoutState, type RailReportLine,
} from '../../rail.ts'
import { createPaxumClient, type PaxumClient } from './client.ts'
import { failureFor } from './codes.ts'

export type PaxumRailConfig = {
  /** https://secure.paxum.com, or the local sandbox; the driver posts to /payment/api/paymentAPI.php below it */
  baseUrl: string
  /** our Paxum login e-mail: the wallet payouts are paid from */
  fromEmail: string
  /** the API shared secret from Merchant Services >> API Settings (secret) */
  sharedSecret: string
  /** how far back status() looks for the transfer made with an idempotency key; default 35 days */
  lookbackDays?: number
  /**
   * how far back send() looks before paying; default 3 days. Our keys are per payout workflow and its send activity
   * gives up a day after it was first scheduled, so no earlier attempt is older; two days more cover a late retry. A
   * first attempt finds nothing and reads the whole window: five weeks of every payout at scale, on every send, before.
   */
  sendLookbackDays?: number
  /** each request is aborted after this; default 45 s, well inside the activity's 2-minute startToClose */
  requestTimeoutMs?: number
  /** send()'s whole history lookup is aborted after this; default 60 s, so with transferFunds' own 45 s an attempt ends by 105 s */
  lookupTimeoutMs?: number
  fetch?: typeof fetch
  now?: () => number
}

type HistoryLine = { transactionId: string; reference: string; amount: number; currency: string; at: string }

const DAY_MS = 24 * 60 * 60 * 1000
const PAGE_SIZE = 100
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const decimal = (amount: number, currency: string) => decimalText(money(amount, currency))
const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** Paxum's 'yyyy-mm-dd hh:mm:ss' (read as UTC) or an ISO time, as ISO. */
function paxumTime(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new Error(`Paxum TransactionDate '${value}' is not a date`)
  return new Date(ms).toISOString()
}

/** The merchant's payouts between two days (inclusive), all pages, or up to the first page where `stop` holds for a line. */
async function history(client: PaxumClient, fromDate: string, toDate: string,
  options: { stop?: (line: HistoryLine) => boolean; signal?: AbortSignal } = {}): Promise<HistoryLine[]> {
  const lines: HistoryLine[] = []
  for (let page = 1; ; page++) {
    const [pageSize, pageNumber] = [String(PAGE_SIZE), String(page)]
    const seen = lines.length
    const reply = await client.call('transactionHistory', { fromDate, toDate, pageSize, pageNumber }, [fromDate, toDate, pageSize, pageNumber], options.signal)
    if (reply.ResponseCode !== '00') throw new Error(`Paxum transactionHistory answered ${reply.ResponseCode} ${reply.ResponseDescription}`)
    const rows = (reply.Transaction ?? []) as Record<string, unknown>[]
    for (const row of rows) {
      const currency = text(row.Currency)
      const amount = parseDecimal(text(row.Amount), currency)
      // money in (top-ups, refunds) is not a payout of ours
      if (amount < 0) lines.push({ transactionId: text(row.TransactionId), reference: text(row.Reference), amount: -amount, currency, at: paxumTime(text(row.TransactionDate)) })
    }
    if (options.stop && lines.slice(seen).some(options.stop)) return lines
    if (rows.length < PAGE_SIZE || page * PAGE_SIZE >= Number(reply.Results ?? 0)) return lines
  }
}

/** "Ada Maria Lovelace" -> first "Ada Maria", last "Lovelace", as Paxum's name fields take them. */
function splitName(holderName: string): { firstName?: string; lastName?: string } {
  const words = holderName.trim().split(/\s+/).filter(Boolean)
  if (words.length < 2) return {}
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) }
}

/** A PayoutRail for Paxum; it holds no state between calls. */
export function createPaxumRail(config: PaxumRailConfig): PayoutRail {
  const client = createPaxumClient({ baseUrl: config.baseUrl, fromEmail: config.fromEmail, sharedSecret: config.sharedSecret,
    fetch: config.fetch ?? globalThis.fetch, requestTimeoutMs: config.requestTimeoutMs })
  const now = config.now ?? Date.now
  const lookbackMs = (config.lookbackDays ?? 35) * DAY_MS
  const sendLookbackMs = Math.min((config.sendLookbackDays ?? 3) * DAY_MS, lookbackMs)

  /**
   * Paxum takes no idempotency key: our key travels as `reference`, and this finds a transfer made with it, the recent
   * days first (where a retry finds what its attempt did), reading no further page once it is found.
   */
  async function earlier(idempotencyKey: string, backMs: number, signal?: AbortSignal): Promise<PayoutState | null> {
    const ours = (l: HistoryLine) => l.reference === idempotencyKey
    // a day of slack on each side for Paxum's own time zone
    const recent = now() - Math.min(backMs, sendLookbackMs) - DAY_MS
    const windows = [[recent, now() + DAY_MS], ...(backMs > sendLookbackMs ? [[now() - backMs - DAY_MS, recent - DAY_MS]] : [])]
    for (const [from = 0, to = 0] of windows) {
      const hit = (await history(client, day(from), day(to), { stop: ours, signal })).find(ours)
      if (hit) return { status: 'settled', providerRef: hit.transactionId, settledAt: hit.at }
    }
    return null
  }

  return {
    name: 'paxum',
    async verifyDestination(destination) {
      if (destination.rail !== 'paxum') return { verified: false, failure: PAYOUT_FAILURES.unsupported, message: `Paxum cannot pay a ${destination.rail} destination` }
      const reply = await client.call('identityVerification', { toEmail: destination.email }, [destination.email])
      if (reply.ResponseCode === '00') return { verified: true, providerRecipientId: null }
      return { verified: false, failure: failureFor(reply.ResponseCode) ?? PAYOUT_FAILURES.rejected, message: `Paxum: ${reply.ResponseDescription}` }
    },
    async send(request: PayoutRequest) {
      const { destination, currency } = request
      if (destination.rail !== 'paxum' || !isCurrency(currency) || currency === 'USDC') {
        return { status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.unsupported, railCode: 'UNSUPPORTED',
          message: `Paxum cannot pay ${currency} to a ${destination.rail} destination` }
      }
      const found = await earlier(request.idempotencyKey, sendLookbackMs, AbortSignal.timeout(config.lookupTimeoutMs ?? 60_000))
      if (found) return found
      const { firstName, lastName } = splitName(destination.holderName)
      const fields = { toEmail: destination.email, amount: decimal(request.amount, currency), currency, note: request.description.slice(0, 140),
        firstName, lastName, reference: request.idempotencyKey }
      const reply = await client.call('transferFunds', fields,
        [fields.toEmail, fields.amount, fields.currency, fields.note, firstName, lastName, undefined, fields.reference])
      if (reply.ResponseCode === '00') {
        const providerRef = text(reply.TransactionId)
        if (!providerRef) throw new Error('Paxum approved the transfer without a TransactionId')
        return { status: 'settled', providerRef, settledAt: new Date(now()).toISOString() }
      }
      const failure = failureFor(reply.ResponseCode)
      if (!failure) throw new Error(`Paxum transferFunds answered ${reply.ResponseCode} ${reply.ResponseDescription}, a code we do not know; retrying reads the history first`)
      return { status: 'failed', providerRef: null, failure, railCode: reply.ResponseCode, message: `Paxum: ${reply.ResponseDescription}` }
    },
    status: (idempotencyKey) => earlier(idempotencyKey, lookbackMs),
    parseNotification() {
      throw new RailNotificationRejected(RAIL_NOTIFICATION_ERRORS.malformed, 'Paxum sends no payout notifications; poll status()')
    },
    async report(range) {
      const [from, to] = [Date.parse(range.from), Date.parse(range.to)]
      const lines = await history(client, day(from - DAY_MS), day(to + DAY_MS))
      return lines.filter((l) => Date.parse(l.at) >= from && Date.parse(l.at) < to).map((l): RailReportLine => ({
        providerRef: l.transactionId, reference: l.reference || null, amount: l.amount, currency: l.currency, status: 'settled', at: l.at,
      }))
    },
  }
}
