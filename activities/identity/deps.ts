/** What the identity activities are built from; injected, so tests and workers choose the clients. */
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../storage/client.ts'
import type { KycProvider } from '../kyc/provider.ts'

/** Encrypts personal data with the person's own key (activities/pii). */
export type PiiCipher = {
  encrypt(personId: string, purpose: string, plaintext: string): Promise<string>
  decrypt(personId: string, purpose: string, ciphertext: string): Promise<string>
  decryptMany(personId: string, values: { purpose: string; ciphertext: string }[]): Promise<string[]>
  encryptBlob(personId: string, purpose: string, bytes: Uint8Array): Promise<Buffer>
  decryptBlob(personId: string, purpose: string, sealed: Uint8Array): Promise<Buffer>
  blindIndex(purpose: string, value: string): string
}

/** Sends one templated mail; the idempotency key makes a retried send recognisable as the same message. */
export type MailSender = (message: { idempotencyKey: string; to: string; template: string; data: Record<string, string> }) => Promise<unknown>

export type IdentityDeps = {
  db: Db
  pii: PiiCipher
  kyc: KycProvider | null
  sendMail: MailSender
  storage: StorageClient
  /** the storefront's public URL: links in mail and the provider's return URL */
  publicUrl: string
  /** the compliance team's shared inbox, for escalations */
  complianceEmail: string
  recordsRetentionYears: number
}
