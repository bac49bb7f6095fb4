/** Builds the configured payout rails from the environment. A rail without configuration is simply not offered. */
import { z } from 'zod'
import { booleanString, httpUrl } from '../../../domain/env.ts'
import type { CryptoEnv } from '../../payments/crypto/env.ts'
import type { PayoutRail, PayoutRailName } from '../rail.ts'
import { createAchRail } from './ach/driver.ts'
import { createCryptoRail } from './crypto/driver.ts'
import { createPaxumRail } from './paxum/driver.ts'
import { createWiseRail } from './wise/driver.ts'
import { createWireRail } from './wire/driver.ts'

/** The payout rails' environment variables, merged into the API's and the workers' config schemas. */
export const payoutEnvSchema = z.object({
  FINANCE_EMAIL: z.email().default('finance@fanz.demo').describe('shared inbox of the finance team (payout approvals)'),
  PAXUM_API_URL: httpUrl.optional().describe('Paxum base (https://secure.paxum.com) or the local sandbox'),
  PAXUM_FROM_EMAIL: z.email().optional().describe('our Paxum login: the wallet payouts are paid from'),
  PAXUM_SHARED_SECRET: z.string().min(1).optional().describe('secret: the API shared secret behind every request key'),
  WISE_API_URL: httpUrl.optional().describe('Wise Platform API base (https://api.wise.com) or the local sandbox'),
  WISE_API_TOKEN: z.string().min(1).optional().describe('secret: API token of the business profile'),
  WISE_PROFILE_ID: z.coerce.number().int().positive().optional().describe('the business profile id owning balances and transfers'),
  WISE_WEBHOOK_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY').optional().describe("Wise's webhook signing public key (PEM; \\n escapes allowed)"),
  DWOLLA_API_URL: httpUrl.optional().describe('Dwolla API base (https://api.dwolla.com) or the local sandbox'),
  DWOLLA_KEY: z.string().min(1).optional().describe('Dwolla application key'),
  DWOLLA_SECRET: z.string().min(1).optional().describe('secret: Dwolla application secret'),
  DWOLLA_ACCOUNT_ID: z.string().min(1).optional().describe('our Dwolla master account id (its transfers are the reconciliation report)'),
  DWOLLA_FUNDING_SOURCE_ID: z.string().min(1).optional().describe('the master account funding source every ACH payout is paid from'),
  DWOLLA_WEBHOOK_SECRET: z.string().min(1).optional().describe('secret: the webhook subscription secret Dwolla signs with'),
  WIRE_API_URL: httpUrl.optional().describe("our bank's ISO 20022 payments API root, or the local sandbox"),
  WIRE_USERNAME: z.string().min(1).optional(),
  WIRE_PASSWORD: z.string().min(1).optional().describe('secret'),
  WIRE_DEBTOR_NAME: z.string().min(1).default('Fanz Unified Ltd').describe('our account holder name on outgoing wires'),
  WIRE_DEBTOR_IBAN: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, 'an IBAN without spaces').optional(),
  WIRE_DEBTOR_BIC: z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a BIC').optional(),
  CRYPTO_PAYOUTS: booleanString(true)
    .describe('pay creators in the stablecoin from the treasury when the crypto variables are set'),
})
export type PayoutEnv = z.output<typeof payoutEnvSchema>

/** Every rail whose variables are all set. */
export function createPayoutRails(env: PayoutEnv & CryptoEnv): Partial<Record<PayoutRailName, PayoutRail>> {
  const rails: Partial<Record<PayoutRailName, PayoutRail>> = {}
  if (env.PAXUM_API_URL && env.PAXUM_FROM_EMAIL && env.PAXUM_SHARED_SECRET) {
    rails.paxum = createPaxumRail({ baseUrl: env.PAXUM_API_URL, fromEmail: env.PAXUM_FROM_EMAIL, sharedSecret: env.PAXUM_SHARED_SECRET })
  }
  if (env.WISE_API_URL && env.WISE_API_TOKEN && env.WISE_PROFILE_ID && env.WISE_WEBHOOK_PUBLIC_KEY) {
    rails.wise = createWiseRail({ baseUrl: env.WISE_API_URL, apiToken: env.WISE_API_TOKEN, profileId: env.WISE_PROFILE_ID,
      webhookPublicKeyPem: env.WISE_WEBHOOK_PUBLIC_KEY.replaceAll('\\n', '\n') })
  }
  if (env.DWOLLA_API_URL && env.DWOLLA_KEY && env.DWOLLA_SECRET && env.DWOLLA_ACCOUNT_ID && env.DWOLLA_FUNDING_SOURCE_ID && env.DWOLLA_WEBHOOK_SECRET) {
    rails.ach = createAchRail({ baseUrl: env.DWOLLA_API_URL, key: env.DWOLLA_KEY, secret: env.DWOLLA_SECRET, accountId: env.DWOLLA_ACCOUNT_ID,
      masterFundingSourceId: env.DWOLLA_FUNDING_SOURCE_ID, webhookSecret: env.DWOLLA_WEBHOOK_SECRET })
  }
  if (env.WIRE_API_URL && env.WIRE_USERNAME && env.WIRE_PASSWORD && env.WIRE_DEBTOR_IBAN && env.WIRE_DEBTOR_BIC) {
    rails.wire = createWireRail({ baseUrl: env.WIRE_API_URL, username: env.WIRE_USERNAME, password: env.WIRE_PASSWORD,
      debtor: { name: env.WIRE_DEBTOR_NAME, iban: env.WIRE_DEBTOR_IBAN, bic: env.WIRE_DEBTOR_BIC } })
  }
  if (env.CRYPTO_PAYOUTS && env.CRYPTO_RPC_URL && env.CRYPTO_TOKEN_ADDRESS && env.CRYPTO_ROUTER_ADDRESS && env.CRYPTO_TREASURY_PRIVATE_KEY) {
    rails.crypto = createCryptoRail({ rpcUrl: env.CRYPTO_RPC_URL, tokenAddress: env.CRYPTO_TOKEN_ADDRESS, routerAddress: env.CRYPTO_ROUTER_ADDRESS,
      treasuryPrivateKey: env.CRYPTO_TREASURY_PRIVATE_KEY, confirmations: env.CRYPTO_CONFIRMATIONS })
  }
  return rails
}
