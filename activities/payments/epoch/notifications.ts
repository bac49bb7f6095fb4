/** Verifies and parses Epoch Data Plus postbacks: `epoch_digest` first, then our account, freshness and the fields. */
import { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type ProcessorEvent } from '../driver.ts'
import { fromMajorDecimal } from './amounts.ts'
import { DATAPLUS_TYPES, EVENT_TYPES, isEpochCurrency, type EpochCurrency } from './codes.ts'
import { DIGEST_FIELD, digestMatches } from './digest.ts'

export type NotificationConfig = {
  coCode: string
  hmacKey: string
  maxNotificationAgeMs: number
  /** Data Plus rows carry no currency column; amounts without `ets_currency` are read in this one */
  settlementCurrency: EpochCurrency
}

const reject = (code: keyof typeof NOTIFICATION_ERRORS, message: string) => new NotificationRejected(NOTIFICATION_ERRORS[code], message)

// rows that reverse an earlier sale name it in ets_ref_trans_ids: that sale is the transaction they are about
const REVERSING: readonly string[] = [DATAPLUS_TYPES.credit, DATAPLUS_TYPES.chargeback, DATAPLUS_TYPES.returnedCheck]
const MONEYLESS: readonly ProcessorEvent['type'][] = ['rebill_failed', 'cancellation']

/** Name-value pairs from the form body, or from the query when Epoch delivered the postback as a GET. */
function parseFields(n: InboundNotification): Record<string, string> {
  const contentType = Object.entries(n.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
  if (contentType.includes('json')) throw reject('malformed', 'Epoch posts name-value pairs, not JSON')
  const text = n.rawBody.trim() || new URL(n.url || '/', 'http://postback.invalid').search.slice(1)
  return Object.fromEntries(new URLSearchParams(text))
}

/** Data Plus's 'YYYY-MM-DD HH:MM:SS' (a MySQL datetime). Epoch names no zone; we read it as UTC. */
function parseDate(text: string | undefined): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text ?? '')
  if (!m) throw reject('malformed', `ets_transaction_date '${text ?? ''}' is not 'YYYY-MM-DD HH:MM:SS'`)
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw reject('malformed', `ets_transaction_date '${text}' is not a date`)
  }
  return date
}

function money(fields: Record<string, string>, type: ProcessorEvent['type'], fallback: EpochCurrency) {
  if (MONEYLESS.includes(type)) return { amount: null, currency: null }
  const currency = fields.ets_currency || fallback
  const amount = fields.ets_transaction_amount ?? ''
  if (!isEpochCurrency(currency)) throw reject('malformed', `currency '${currency}' is not one we bill in`)
  try {
    return { amount: fromMajorDecimal(amount, currency), currency }
  } catch {
    throw reject('malformed', `ets_transaction_amount '${amount}' is not a ${currency} amount`)
  }
}

/** The sale a row is about: a reversal's reference, otherwise the row's own transaction. */
function subjectOf(fields: Record<string, string>, letter: string): string {
  const own = fields.ets_transaction_id ?? ''
  if (!/^\d+$/.test(own)) throw reject('malformed', `ets_transaction_id '${own}' is not an Epoch transaction id`)
  if (!REVERSING.includes(letter)) return own
  const ref = (fields.ets_ref_trans_ids ?? '').split(',')[0]?.trim() ?? ''
  if (!/^\d+$/.test(ref)) throw reject('malformed', `a '${letter}' row without the sale it reverses in ets_ref_trans_ids`)
  return ref
}

export function createNotificationParser(config: NotificationConfig) {
  return (n: InboundNotification): ProcessorEvent => {
    const fields = parseFields(n)
    if (!fields[DIGEST_FIELD]) throw reject('badSignature', 'postback without epoch_digest')
    if (!digestMatches(fields, config.hmacKey)) throw reject('badSignature', 'epoch_digest does not match the postback')
    if (fields.ets_co_code !== config.coCode) throw reject('untrustedSource', `postback for company ${fields.ets_co_code ?? '?'}, not ours`)
    const letter = fields.ets_transaction_type ?? ''
    const type = EVENT_TYPES[letter]
    if (!type) throw reject('malformed', `ets_transaction_type '${letter}' is missing or not one we consume`)
    const transactionId = subjectOf(fields, letter)
    const occurred = parseDate(fields.ets_transaction_date)
    const ageMs = Date.parse(n.receivedAt) - occurred.getTime()
    if (!(Math.abs(ageMs) <= config.maxNotificationAgeMs)) throw reject('stale', `'${letter}' postback is ${Math.round(ageMs / 1000)} s old`)
    return {
      processor: 'epoch',
      // ets_transaction_id is the primary key of Epoch's row: identical on every redelivery, unique per event
      eventId: `${letter}:${fields.ets_transaction_id}`,
      type,
      transactionId,
      ...money(fields, type, config.settlementCurrency),
      occurredAt: occurred.toISOString(),
      reference: { workflowId: fields.x_workflow_id || null, fanId: fields.x_fan_id || null },
      raw: fields,
    }
  }
}
