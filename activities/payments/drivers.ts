/** Builds the configured processor drivers. A processor without configuration is simply not offered. */
import { z } from 'zod'
import { httpUrl } from '../../domain/env.ts'
import { createCcbillDriver } from './ccbill/driver.ts'
import { EPOCH_CURRENCIES } from './epoch/codes.ts'
import { createEpochDriver } from './epoch/driver.ts'
import { createSegpayDriver } from './segpay/driver.ts'
import { verotelDriverFromEnv, verotelEnvSchema } from './verotel/env.ts'
import { cryptoDriverFromEnv, cryptoEnvSchema } from './crypto/env.ts'
import type { ProcessorDriver, ProcessorName } from './driver.ts'

/** The processors' environment variables, merged into the API's and the workers' config schemas. */
export const paymentEnvSchema = z.object({
  CCBILL_API_URL: httpUrl.optional().describe('CCBill RESTful API base (https://api.ccbill.com) or the local sandbox'),
  CCBILL_DATALINK_URL: httpUrl.optional().describe('CCBill DataLink base (https://datalink.ccbill.com) or the local sandbox'),
  CCBILL_CLIENT_ACCNUM: z.string().regex(/^\d{6}$/, 'six digits').optional(),
  CCBILL_CLIENT_SUBACC: z.string().regex(/^\d{4}$/, 'four digits').optional(),
  CCBILL_APP_ID: z.string().min(1).optional(),
  CCBILL_SECRET: z.string().min(1).optional().describe('secret'),
  CCBILL_DATALINK_USERNAME: z.string().min(1).optional(),
  CCBILL_DATALINK_PASSWORD: z.string().min(1).optional().describe('secret'),
  CCBILL_ALLOWED_CIDRS: z.string().optional().describe('comma-separated source ranges webhooks may come from'),
  SEGPAY_ONE_CLICK_URL: httpUrl.optional().describe('Segpay One-Click Web Service base (https://service.segpay.com) or the local sandbox'),
  SEGPAY_SRS_URL: httpUrl.optional().describe('Segpay Reporting Services base (https://srs.segpay.com) or the local sandbox'),
  SEGPAY_PACKAGE_ID: z.string().regex(/^\d+$/, 'digits').optional().describe('Segpay package the One-Click sales run on'),
  SEGPAY_PRICE_POINT_ID: z.string().regex(/^\d+$/, 'digits').optional().describe('One-Click enabled dynamic price point of that package'),
  SEGPAY_RECURRING_PRICE_POINT_ID: z.string().regex(/^\d+$/, 'digits').optional()
    .describe('One-Click enabled Dynamic Recurring price point of that package; unset: no subscriptions Segpay rebills'),
  SEGPAY_SRS_USER_ID: z.string().min(1).optional().describe('Segpay Reporting Services User ID'),
  SEGPAY_SRS_ACCESS_KEY: z.string().min(1).optional().describe('secret'),
  SEGPAY_ALLOWED_CIDRS: z.string().optional().describe('comma-separated source ranges postbacks may come from (SRS GetPostbackIPList)'),
  EPOCH_API_URL: httpUrl.optional().describe('Epoch camcharge base (https://wnu.com) or the local sandbox'),
  EPOCH_CSA_URL: httpUrl.optional().describe('Epoch Customer Search API base (https://epoch.com) or the local sandbox'),
  EPOCH_CO_CODE: z.string().regex(/^[a-z0-9]{3}$/i, 'three letters or digits').optional().describe('company code Epoch assigned'),
  EPOCH_HMAC_KEY: z.string().min(1).optional().describe('secret: the key behind every epoch_digest, ours and Epoch\'s'),
  EPOCH_CSA_USERNAME: z.string().min(1).optional().describe('Customer Search API login granted to our servers'),
  EPOCH_CSA_PASSWORD: z.string().min(1).optional().describe('secret'),
  EPOCH_SETTLEMENT_CURRENCY: z.enum(EPOCH_CURRENCIES).optional().describe('currency of Data Plus amounts that name none; default USD'),
  ...verotelEnvSchema.shape,
  ...cryptoEnvSchema.shape,
  CHARGEBACK_WINDOW_DAYS: z.coerce.number().int().min(0).max(180).default(30).describe('creator shares stay pending this long'),
})
export type PaymentEnv = z.output<typeof paymentEnvSchema>

export function createDrivers(env: Omit<PaymentEnv, 'CHARGEBACK_WINDOW_DAYS'>): Partial<Record<ProcessorName, ProcessorDriver>> {
  const drivers: Partial<Record<ProcessorName, ProcessorDriver>> = {}
  const c = env
  if (c.CCBILL_API_URL && c.CCBILL_DATALINK_URL && c.CCBILL_CLIENT_ACCNUM && c.CCBILL_CLIENT_SUBACC && c.CCBILL_APP_ID && c.CCBILL_SECRET
    && c.CCBILL_DATALINK_USERNAME && c.CCBILL_DATALINK_PASSWORD) {
    drivers.ccbill = createCcbillDriver({ apiBaseUrl: c.CCBILL_API_URL, datalinkBaseUrl: c.CCBILL_DATALINK_URL, clientAccnum: c.CCBILL_CLIENT_ACCNUM,
      clientSubacc: c.CCBILL_CLIENT_SUBACC, appId: c.CCBILL_APP_ID, secret: c.CCBILL_SECRET, datalinkUsername: c.CCBILL_DATALINK_USERNAME,
      datalinkPassword: c.CCBILL_DATALINK_PASSWORD,
      ...(c.CCBILL_ALLOWED_CIDRS ? { allowedSourceCidrs: c.CCBILL_ALLOWED_CIDRS.split(',').map((s) => s.trim()).filter(Boolean) } : {}) })
  }
  if (c.SEGPAY_ONE_CLICK_URL && c.SEGPAY_SRS_URL && c.SEGPAY_PACKAGE_ID && c.SEGPAY_PRICE_POINT_ID && c.SEGPAY_SRS_USER_ID
    && c.SEGPAY_SRS_ACCESS_KEY && c.SEGPAY_ALLOWED_CIDRS) {
    drivers.segpay = createSegpayDriver({ oneClickBaseUrl: c.SEGPAY_ONE_CLICK_URL, srsBaseUrl: c.SEGPAY_SRS_URL, packageId: c.SEGPAY_PACKAGE_ID,
      pricePointId: c.SEGPAY_PRICE_POINT_ID, srsUserId: c.SEGPAY_SRS_USER_ID, srsAccessKey: c.SEGPAY_SRS_ACCESS_KEY,
      ...(c.SEGPAY_RECURRING_PRICE_POINT_ID ? { recurringPricePointId: c.SEGPAY_RECURRING_PRICE_POINT_ID } : {}),
      allowedSourceCidrs: c.SEGPAY_ALLOWED_CIDRS.split(',').map((s) => s.trim()).filter(Boolean) })
  }
  if (c.EPOCH_API_URL && c.EPOCH_CSA_URL && c.EPOCH_CO_CODE && c.EPOCH_HMAC_KEY && c.EPOCH_CSA_USERNAME && c.EPOCH_CSA_PASSWORD) {
    drivers.epoch = createEpochDriver({ apiBaseUrl: c.EPOCH_API_URL, csaBaseUrl: c.EPOCH_CSA_URL, coCode: c.EPOCH_CO_CODE,
      hmacKey: c.EPOCH_HMAC_KEY, csaUsername: c.EPOCH_CSA_USERNAME, csaPassword: c.EPOCH_CSA_PASSWORD,
      ...(c.EPOCH_SETTLEMENT_CURRENCY ? { settlementCurrency: c.EPOCH_SETTLEMENT_CURRENCY } : {}) })
  }
  const verotel = verotelDriverFromEnv(c)
  if (verotel) drivers.verotel = verotel
  const crypto = cryptoDriverFromEnv(c)
  if (crypto) drivers.crypto = crypto
  return drivers
}
