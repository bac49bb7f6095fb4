/**
 * The Segpay driver: One-Click sales on a fan's earlier purchase (once, or opening a purchase Segpay rebills), reversals,
 * status and cancelled rebilling over SRS, verified postbacks.
 */
import { PROCESSORS, type ProcessorDriver } from '../driver.ts'
import { DEFAULT_FEE_RULE, type FeeRule } from './amounts.ts'
import { charge } from './charge.ts'
import { createNotificationParser } from './notifications.ts'
import { createOneClickClient } from './one-click-client.ts'
import { createReversals } from './reversals.ts'
import { createSrsClient } from './srs-client.ts'

/** Everything the driver needs; base URLs point at Segpay or at the local sandbox. */
export type SegpayDriverConfig = {
  /** https://service.segpay.com, or the local sandbox */
  oneClickBaseUrl: string
  /** https://srs.segpay.com, or the local sandbox */
  srsBaseUrl: string
  /** the package and its One-Click enabled dynamic price point: eticketid = packageId:pricePointId */
  packageId: string
  pricePointId: string
  /** the package's Dynamic Recurring price point, One-Click enabled, for subscriptions Segpay rebills; none: no recurring charges */
  recurringPricePointId?: string
  /** SRS User ID and User Access Key (secret) */
  srsUserId: string
  srsAccessKey: string
  /** no default: Segpay publishes its postback addresses through SRS GetPostbackIPList; add 127.0.0.1/32 locally */
  allowedSourceCidrs: readonly string[]
  /** default 24 h */
  maxNotificationAgeMs?: number
  /** default 11.5 %: the fee we book at approval; Segpay's statement has the real one */
  feeRule?: FeeRule
  fetch?: typeof fetch
  now?: () => number
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A ProcessorDriver for Segpay; stateless apart from its configuration. */
export function createSegpayDriver(config: SegpayDriverConfig): ProcessorDriver {
  const doFetch = config.fetch ?? globalThis.fetch
  const now = config.now ?? Date.now
  const feeRule = config.feeRule ?? DEFAULT_FEE_RULE
  const oneClick = createOneClickClient({ oneClickBaseUrl: config.oneClickBaseUrl, packageId: config.packageId,
    pricePointId: config.pricePointId, fetch: doFetch })
  const srs = createSrsClient({ srsBaseUrl: config.srsBaseUrl, userId: config.srsUserId, accessKey: config.srsAccessKey, fetch: doFetch })
  const reversals = createReversals(srs)
  const chargeDeps = { oneClick, srs, recurringPricePointId: config.recurringPricePointId, feeRule, now }
  return {
    name: PROCESSORS.segpay,
    charge: (request) => charge(chargeDeps, request),
    refund: reversals.refund,
    status: reversals.status,
    cancelRecurring: reversals.cancelRecurring,
    parseNotification: createNotificationParser({ packageId: config.packageId, recurringPricePointId: config.recurringPricePointId,
      allowedSourceCidrs: config.allowedSourceCidrs, maxNotificationAgeMs: config.maxNotificationAgeMs ?? DAY_MS }),
    // transaction postbacks are judged by HTTP status alone; the body is for people reading Segpay's postback log
    notificationAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
