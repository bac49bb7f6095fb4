/** Builds the configured processor drivers. A processor without configuration is simply not offered. */
import { z } from 'zod'
import { httpUrl } from '../../domain/env.ts'
import { createCcbillDriver } from './ccbill/driver.ts'
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
  return drivers
}
