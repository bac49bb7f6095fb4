/** The wire rail: ISO 20022 credit transfers through our bank's API (pain.001 in, pain.002 status, camt.053 statement). */
import { decimalText, isCurrency, money, parseDecimal } from '../../../../domain/money.ts'
import { compactCode, ibanProblem, isBic } from '../../../../domain/payouts/bank-numbers.ts'
import {
  PAYOUT_FAILURES, RAIL_NOTIFICATION_ERRORS, RailNotificationRejected, type PayoutRail, type PayoutState, type RailReportLine,
} from '../../rail.ts'
import { isDuplicateRejection, payoutStateOf } from './codes.ts'
import { buildPain001, messageIdFor, parseCamt053, parsePain002, type WireDebtor } from './iso20022.ts'

export type WireRailConfig = {
  /** the bank's ISO 20022 API root (…/payments, …/statements), or the local sandbox */
  baseUrl: string
  /** API user and password, sent as HTTP Basic auth (password: secret) */
  username: string
  password: string
  /** our account at the bank: name, IBAN and the bank's BIC */
  debtor: WireDebtor
  fetch?: typeof fetch
  now?: () => number
}

const XML = 'application/xml'

/** A PayoutRail for wires; it holds no state between calls. */
export function createWireRail(config: WireRailConfig): PayoutRail {
  const doFetch = config.fetch ?? globalThis.fetch
  const now = config.now ?? Date.now
  const base = config.baseUrl.replace(/\/$/, '')
  const authorization = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`

  /** Throws on transport failures, 5xx, refused credentials and anything but an XML answer with `okStatuses`. */
  async function call(path: string, init: RequestInit, okStatuses: number[]): Promise<{ status: number; body: string }> {
    const res = await doFetch(`${base}${path}`, { ...init, headers: { authorization, accept: XML, ...init.headers } })
    if (res.status === 401 || res.status === 403) throw new Error(`the bank refused our API credentials (HTTP ${res.status}); check the wire username and password`)
    if (!okStatuses.includes(res.status)) throw new Error(`the bank's ${init.method ?? 'GET'} ${path.split('?')[0]} failed with HTTP ${res.status}`)
    return { status: res.status, body: await res.text() }
  }

  /** The payment's status by our MsgId (the bank also finds it by EndToEndId); null when the bank does not know it. */
  async function statusOf(id: string): Promise<PayoutState | null> {
    const res = await call(`/payments/${encodeURIComponent(id)}/status`, { method: 'GET' }, [200, 404])
    return res.status === 404 ? null : payoutStateOf(parsePain002(res.body), id, now)
  }

  return {
    name: 'wire',
    async verifyDestination(destination) {
      if (destination.rail !== 'wire') return { verified: false, failure: PAYOUT_FAILURES.unsupported, message: `a wire cannot pay a ${destination.rail} destination` }
      if (ibanProblem(compactCode(destination.iban)) !== null) return { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: 'the IBAN is not valid (check digits)' }
      if (!isBic(compactCode(destination.bic))) return { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: 'the BIC is not valid' }
      return { verified: true, providerRecipientId: null }
    },
    async send(request): Promise<PayoutState> {
      const { destination, currency } = request
      if (destination.rail !== 'wire' || !isCurrency(currency) || currency === 'USDC') {
        return { status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.unsupported, railCode: 'UNSUPPORTED',
          message: `a wire cannot pay ${currency} to a ${destination.rail} destination` }
      }
      const id = messageIdFor(request.idempotencyKey)
      // a bank refuses a MsgId it has seen (DU01), so a retry asks first: only a payment it does not know is posted
      const earlier = await statusOf(id)
      if (earlier) return earlier
      const createdAt = new Date(now()).toISOString()
      const xml = buildPain001({
        id, createdAt, amount: decimalText(money(request.amount, currency)), currency, executionDate: createdAt.slice(0, 10),
        debtor: config.debtor, remittance: request.description,
        creditor: { name: destination.holderName, iban: compactCode(destination.iban), bic: compactCode(destination.bic), country: destination.country },
      })
      const res = await call('/payments', { method: 'POST', headers: { 'content-type': XML }, body: xml }, [200, 202, 400, 409, 422])
      const answer = parsePain002(res.body)
      if (!isDuplicateRejection(answer)) return payoutStateOf(answer, id, now)
      // another attempt got there first (its answer was lost, or it raced us): its payment is the answer, never a failure
      const first = await statusOf(id)
      if (!first) throw new Error(`the bank refused MsgId ${id} as a repeat (${answer.reasonCode}) but shows no status for it yet; a retry reads it again`)
      return first
    },
    status: (idempotencyKey) => statusOf(messageIdFor(idempotencyKey)),
    // the EndToEndId is what the bank's statement names our payout by, whatever its AcctSvcrRef
    referenceOf: messageIdFor,
    parseNotification() {
      throw new RailNotificationRejected(RAIL_NOTIFICATION_ERRORS.malformed, 'the bank sends no payout notifications; poll status()')
    },
    /** Statement lines carry our EndToEndId as `reference` (a return's too), so they match even when the AcctSvcrRef differs from pain.002's. */
    async report(range) {
      const [from, to] = [Date.parse(range.from), Date.parse(range.to)]
      const query = new URLSearchParams({ fromDateTime: new Date(from).toISOString(), toDateTime: new Date(to).toISOString() })
      const res = await call(`/statements?${query}`, { method: 'GET' }, [200])
      return parseCamt053(res.body)
        // a credit without return information is money in (a top-up), not a payout of ours
        .filter((e) => (!e.credit || e.returnReason) && Date.parse(e.bookedAt) >= from && Date.parse(e.bookedAt) < to)
        .map((e): RailReportLine => ({
          providerRef: e.bankRef, reference: e.endToEndId, amount: parseDecimal(e.amount, e.currency), currency: e.currency,
          status: e.credit ? 'returned' : 'settled', at: e.bookedAt,
        }))
    },
  }
}
