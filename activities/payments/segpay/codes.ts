/** Segpay's wire vocabulary (One-Click Web Service, SRS, transaction postbacks) mapped to ours. */
import { DECLINES, type DeclineCode, type ProcessorEvent } from '../driver.ts'

/**
 * Our ids travel as custom parameters on the One-Click request; Segpay echoes any custom parameter into postbacks
 * through an `<extra NAME>` token in the postback URL (the pattern aMember's plugin uses for its `publicid`).
 */
export const PASS_THROUGH = { workflowId: 'workflowid', fanId: 'fanid' } as const

/**
 * The Transaction postback URL we register in Segpay's Merchant Portal (My Websites > Manage Postbacks), after our
 * `/webhooks/segpay`. Parameter names follow Segpay's postback parameter list; a URL without tokens gets them all.
 */
export const POSTBACK_QUERY_TEMPLATE = ['action=<action>', 'stage=<stage>', 'approved=<approved>', 'trantype=<trantype>',
  'purchaseid=<purchaseid>', 'tranid=<tranid>', 'relatedtranid=<relatedtranid>', 'price=<price>', 'currencycode=<currencycode>',
  'eticketid=<eticketid>', 'transtime=<transtime>', `${PASS_THROUGH.workflowId}=<extra ${PASS_THROUGH.workflowId}>`,
  `${PASS_THROUGH.fanId}=<extra ${PASS_THROUGH.fanId}>`].join('&')

/** Currencies Segpay bills in that we also take (Segpay lists all of these; USDC is not a card currency). */
export const SEGPAY_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'] as const
export type SegpayCurrency = (typeof SEGPAY_CURRENCIES)[number]
/** Whether Segpay bills in this currency of ours. */
export const isSegpayCurrency = (c: string): c is SegpayCurrency => (SEGPAY_CURRENCIES as readonly string[]).includes(c)

/** SRS consumer-support answers, the text inside `<string>`; the first four are documented for CancelMembership. */
export const SRS_ANSWERS = {
  successful: 'Successful',
  invalidMerchant: 'Invalid Merchant',
  mismatch: 'TransID/MerchantID Mismatch',
  missingParameter: 'Missing Parameter',
  // Segpay documents no wording for a refund it refuses; this is the sandbox's
  notEligible: 'Transaction not eligible for refund',
  // CancelMembership's own: a purchase that does not rebill (cancelled before, expired), and one that is not ours
  notActive: 'Subscription not active, cancel failed',
  purchaseMismatch: 'PurchaseID/MerchantID Mismatch',
} as const

/** Issuer response codes Segpay passes through in AuthCode; anything else is a plain decline unless its text says more. */
const DECLINE_BY_CODE: Record<string, DeclineCode> = {
  '51': DECLINES.insufficientFunds, '61': DECLINES.insufficientFunds, '65': DECLINES.insufficientFunds,
  '33': DECLINES.expiredCard, '54': DECLINES.expiredCard,
  '04': DECLINES.fraudSuspected, '07': DECLINES.fraudSuspected, '41': DECLINES.fraudSuspected,
  '43': DECLINES.fraudSuspected, '59': DECLINES.fraudSuspected,
}

/** 'NN:Reason' or 'NN-Reason' into its parts; null when the text carries no issuer code. */
export function splitAuthCode(authCode: string): { code: string; text: string } | null {
  const m = /^\s*(\d{2,3})\s*[:-]\s*(.*)$/s.exec(authCode)
  return m ? { code: m[1] ?? '', text: (m[2] ?? '').trim() } : null
}

/**
 * Maps an AuthCode to our decline: a known issuer code first, then the wording ('05:Do Not Honor: COF Expiration Date
 * is Expired' is Segpay's documented One-Click answer for an expired stored card). A bare text naming the OCToken or
 * PurchaseID means the stored purchase cannot be charged; Segpay does not publish that wording, the sandbox's is
 * 'Invalid OCToken'.
 */
export function declineFor(authCode: string): DeclineCode {
  const parts = splitAuthCode(authCode)
  const byCode = parts ? DECLINE_BY_CODE[parts.code] : undefined
  if (byCode) return byCode
  const text = (parts?.text ?? authCode).toLowerCase()
  if (text.includes('insufficient')) return DECLINES.insufficientFunds
  if (text.includes('expir')) return DECLINES.expiredCard
  if (/fraud|stolen|lost|pick ?up|risk/.test(text)) return DECLINES.fraudSuspected
  if (/octoken|purchase ?id/.test(text)) return DECLINES.invalidToken
  return DECLINES.cardDeclined
}

/** `recurringPricePoint`: the postback's eticketid names our recurring price point, whose purchases Segpay rebills. */
type PostbackKind = { action: string; trantype: string; approved: boolean; stage: string; hasReference: boolean; recurringPricePoint?: boolean }

/** Stages of a purchase's later charges: its first rebill (conversion, also an instant one) and every rebill after it. */
const RENEWAL_STAGES: readonly string[] = ['conversion', 'rebill', 'instantconversion']

/** The trantypes of transaction postbacks; member-management postbacks (Probe, Enable, Disable) go to another URL. */
const TRANTYPES: readonly string[] = ['sale', 'credit', 'charge', 'chargeback']

/**
 * Which event a transaction postback is, from its (lower-cased) action, trantype, approved and stage; null when it is
 * not a transaction postback at all. Segpay shows a One-Click on a one-time price point as a Rebill of the original
 * purchase, so a sale on another price point that carries our reference is a merchant-initiated sale, not a renewal;
 * on our recurring price point a Conversion or Rebill is Segpay rebilling the subscription we opened. Chargebacks
 * arrive as trantype 'charge' (as KVS's Segpay integration reads them); SRS reports call the same rows 'Chargeback',
 * which we accept too. A declined sale is 'sale_failed', a declined credit or chargeback 'other': kept, not acted on.
 */
export function eventTypeFor(k: PostbackKind): ProcessorEvent['type'] | null {
  if (!TRANTYPES.includes(k.trantype)) return null
  if (k.trantype === 'sale' && k.action === 'void') return 'void'
  if (k.trantype === 'credit') return k.approved ? 'refund' : 'other'
  if (k.trantype !== 'sale') return k.approved ? 'chargeback' : 'other'
  if (k.action !== 'auth') return null
  const renewal = RENEWAL_STAGES.includes(k.stage) && (k.recurringPricePoint === true || !k.hasReference)
  if (k.approved) return renewal ? 'rebill' : 'sale'
  return renewal ? 'rebill_failed' : 'sale_failed'
}

/** SRS report 'Type' of a row to the reversal it records, if any. */
export function reversalOf(type: string): 'void' | 'refund' | 'chargeback' | null {
  const t = type.trim().toLowerCase()
  if (t === 'void') return 'void'
  if (t === 'refund' || t === 'credit') return 'refund'
  if (t === 'chargeback' || t === 'charge') return 'chargeback'
  return null
}
