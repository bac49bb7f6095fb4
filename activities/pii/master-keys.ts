/** Master keys, by id, that wrap the per-person data keys (AES-256-GCM key wrapping bound to the person). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { PII_ERRORS, PiiError } from './errors.ts'

/** Master keys by id; ids may be retired only once no person key is wrapped by them any more. */
export type MasterKeys = ReadonlyMap<string, Buffer>

/** AES-256 key length, for master and data keys alike. */
export const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const MASTER_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/

/** Checks every master key is a 32-byte key under a plain id, and that `currentKeyId` is one of them. */
export function assertMasterKeys(masterKeys: MasterKeys, currentKeyId: string): void {
  for (const [id, key] of masterKeys) {
    if (!MASTER_KEY_ID.test(id) || !Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
      throw new PiiError(PII_ERRORS.INVALID_MASTER_KEY, `master key ${MASTER_KEY_ID.test(id) ? id : '?'} must be ${KEY_BYTES} bytes`)
    }
  }
  if (!masterKeys.has(currentKeyId)) throw new PiiError(PII_ERRORS.UNKNOWN_MASTER_KEY, 'the current master key id is not configured')
}

/** 'id:base64url,id:base64url' (as held in a secret) to master keys; for the deployable's config.ts. */
export function parseMasterKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>()
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [id = '', key = '', extra] = entry.split(':')
    if (extra !== undefined || !MASTER_KEY_ID.test(id) || !/^[A-Za-z0-9_-]+$/.test(key) || keys.has(id)) {
      throw new PiiError(PII_ERRORS.INVALID_MASTER_KEY, 'master keys are id:base64url pairs with distinct ids')
    }
    keys.set(id, Buffer.from(key, 'base64url'))
  }
  return keys
}

const master = (masterKeys: MasterKeys, id: string): Buffer => {
  const key = masterKeys.get(id)
  if (!key) throw new PiiError(PII_ERRORS.UNKNOWN_MASTER_KEY, `master key ${id} is not configured`)
  return key
}

// The wrapped key only unwraps for the person and master key it was made for: a row copied elsewhere fails.
const wrapAad = (masterKeyId: string, personId: string) => Buffer.from(`pii-dek1|${masterKeyId}|${personId}`)

/** iv | tag | encrypted data key (60 bytes). */
export function wrapKey(masterKeys: MasterKeys, masterKeyId: string, personId: string, dataKey: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', master(masterKeys, masterKeyId), iv).setAAD(wrapAad(masterKeyId, personId))
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), ct])
}

/** The data key; throws DECRYPTION_FAILED if the wrapped key was altered or belongs to someone else. */
export function unwrapKey(masterKeys: MasterKeys, masterKeyId: string, personId: string, wrapped: Buffer): Buffer {
  const key = master(masterKeys, masterKeyId)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, IV_BYTES)).setAAD(wrapAad(masterKeyId, personId))
    decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    const dataKey = Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
    if (dataKey.length !== KEY_BYTES) throw new Error('wrong length')
    return dataKey
  } catch {
    throw new PiiError(PII_ERRORS.DECRYPTION_FAILED, 'the person key does not unwrap')
  }
}
