/** Identity services from configuration: personal-data encryption, the KYC provider, outgoing mail. Shared by the API and workers. */
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import { createKycProvider, kycEnvSchema } from '../kyc/providers.ts'
import { createPii } from '../pii/pii.ts'
import { parseMasterKeys } from '../pii/master-keys.ts'
import { createMailSender } from './mail.ts'
import type { MailSender, PiiCipher } from './deps.ts'
import { createPersonKeyStore } from './person-key-store.ts'

/** The identity environment variables, merged into the API's and the workers' config schemas. */
export const identityEnvSchema = kycEnvSchema.extend({
  PII_MASTER_KEYS: z.string().min(1).describe('secret: id:base64url pairs (32-byte keys), comma-separated; older ids stay to decrypt until rewrapped'),
  PII_CURRENT_KEY_ID: z.string().min(1).describe('the master key id new person keys are wrapped with'),
  PII_INDEX_KEY: z.string().min(43).describe('secret: base64url key (>= 32 bytes) of the keyed hashes used for lookups'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'smtp:// or smtps:// URL').describe('outgoing mail server (the local SMTP sink in development)'),
  MAIL_FROM: z.string().min(3).default('"Fanz" <no-reply@fanz.local>'),
  COMPLIANCE_EMAIL: z.email().default('compliance@fanz.demo').describe('shared inbox of the compliance team (escalations)'),
  PRIVACY_RECEIPT_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url of 32 bytes').describe('secret: Ed25519 seed that signs data-subject-request receipts'),
  DSR_DOWNLOAD_DAYS: z.coerce.number().int().min(1).max(30).default(7).describe('how long an access archive can be downloaded'),
  RECORDS_RETENTION_YEARS: z.coerce.number().int().min(7).max(100).default(7).describe('retention lock on 2257 ID copies (28 CFR 75.4: at least 7 years)'),
})
export type IdentityEnv = z.output<typeof identityEnvSchema>

/** The clients the identity activities and routes use. */
export function createIdentityServices(env: IdentityEnv, db: Db): { pii: PiiCipher; kyc: ReturnType<typeof createKycProvider>; sendMail: MailSender } {
  const pii = createPii({ keyStore: createPersonKeyStore(db), masterKeys: parseMasterKeys(env.PII_MASTER_KEYS), currentKeyId: env.PII_CURRENT_KEY_ID,
    indexKey: Buffer.from(env.PII_INDEX_KEY, 'base64url') })
  return { pii, kyc: createKycProvider(env), sendMail: createMailSender({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) }
}
