/** The Verotel driver's variables, merged into paymentEnvSchema in ../drivers.ts, and the driver built from them. */
import { z } from 'zod'
import { httpUrl } from '../../../domain/env.ts'
import { createVerotelDriver } from './driver.ts'

export const verotelEnvSchema = z.object({
  VEROTEL_FLEXPAY_URL: httpUrl.optional().describe('FlexPay base (https://secure.verotel.com, or the brand host) or the local sandbox'),
  VEROTEL_CONTROL_CENTER_API_URL: httpUrl.optional()
    .describe('Control Center API base (https://controlcenter.verotel.com/api) or the local sandbox /api'),
  VEROTEL_SHOP_ID: z.string().regex(/^\d+$/, 'digits').optional().describe('website (shop) ID from Control Center'),
  VEROTEL_SIGNATURE_KEY: z.string().min(1).optional().describe('secret: FlexPay signature key of the website'),
  VEROTEL_API_USERNAME: z.string().min(1).optional().describe('Control Center API user'),
  VEROTEL_API_PASSWORD: z.string().min(1).optional().describe('secret: Control Center API password'),
})
export type VerotelEnv = z.output<typeof verotelEnvSchema>

/** The driver when every variable is set; undefined otherwise (Verotel is then simply not offered). */
export function verotelDriverFromEnv(c: VerotelEnv) {
  if (!c.VEROTEL_FLEXPAY_URL || !c.VEROTEL_CONTROL_CENTER_API_URL || !c.VEROTEL_SHOP_ID || !c.VEROTEL_SIGNATURE_KEY
    || !c.VEROTEL_API_USERNAME || !c.VEROTEL_API_PASSWORD) return undefined
  return createVerotelDriver({ flexpayBaseUrl: c.VEROTEL_FLEXPAY_URL, controlCenterApiUrl: c.VEROTEL_CONTROL_CENTER_API_URL,
    shopId: c.VEROTEL_SHOP_ID, signatureKey: c.VEROTEL_SIGNATURE_KEY, apiUsername: c.VEROTEL_API_USERNAME,
    apiPassword: c.VEROTEL_API_PASSWORD })
}
