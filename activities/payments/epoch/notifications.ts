/** Verifies and parses Epoch Data Plus postbacks: `epoch_digest` first, then our account, freshness and the fields. */
import type { InboundNotification, ProcessorEvent } from '../driver.ts'
import { UNCONSUMED_TYPES, assertFresh, contentTypeOf, parseUtcDateTime, reject } from '../notifications.ts'
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

// rows that reverse an earlier sale name it in ets_ref_trans_ids: that sale is the transaction they are about
const REVERSING: readonly string[] = [DATAPLUS_TYPES.credit, DATAPLUS_TYPES.chargeback, DATAPLUS_TYPES.returnedCheck]
const MONEYLESS: readonly ProcessorEvent['type'][] = ['rebill_failed', 'cancellation', ...UNCONSUMED_TYPES]

/** Name-value pairs from the form body, or from the query when Epoch delivered the postback as a GET. */
function parseFields(n: InboundNotification): Record<string, string> {
  if (contentTypeOf(n).includes('json')) throw reject('malformed', 'Epoch posts name-value pairs, not JSON')
  const text = n.rawBody.trim() || new URL(n.url || '/', 'http://postback.invalid').search.slice(1)
  return Object.fromEntries(new URLSearchParams(text))
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
    if (!/^[A-Z]$/.test(letter)) throw reject('malformed', `ets_transaction_type '${letter}' is not a Data Plus letter`)
    // a signed row is Epoch's: a letter we do not act on (F, a free trial) is kept and acknowledged all the same
    const type = (Object.hasOwn(EVENT_TYPES, letter) ? EVENT_TYPES[letter] : undefined) ?? 'other'
    const transactionId = subjectOf(fields, letter)
    const occurred = parseUtcDateTime(fields.ets_transaction_date, 'ets_transaction_date')
    assertFresh(occurred, n.receivedAt, config.maxNotificationAgeMs, `'${letter}' postback`)
    return {
      processor: 'epoch',
      // ets_transaction_id is the primary key of Epoch's row: identical on every redelivery, unique per event
      eventId: `${letter}:${fields.ets_transaction_id}`,
      type,
      processorType: letter,
      transactionId,
      ...money(fields, type, config.settlementCurrency),
      occurredAt: occurred.toISOString(),
      reference: { workflowId: fields.x_workflow_id || null, fanId: fields.x_fan_id || null },
      nextPaymentToken: null,
      raw: fields,
    }
  }
}
