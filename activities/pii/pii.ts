/**
 * Application-level encryption of personal data with one data key per person (envelope encryption), so that
 * destroying the person's key makes every copy of their data unreadable: in the database, backups and storage.
 * AES-256-GCM; the additional data binds each value to its purpose and person, so a copied value fails.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { MIN_INDEX_KEY_BYTES, computeBlindIndex, normaliseForIndex } from './blind-index.ts'
import { IV_BYTES, formatBlob, formatField, parseBlob, parseField, type Sealed } from './envelope.ts'
import { PII_ERRORS, PiiError } from './errors.ts'
import type { PersonKeyStore } from './key-store.ts'
import { assertMasterKeys, type MasterKeys } from './master-keys.ts'
import { newPersonKey, rewrapPersonKey, withDataKey, type Keys } from './person-keys.ts'

/** 'table.column' (or deeper): where a value lives, e.g. 'kyc_cases.legal_name'. */
export const purposeSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/)
/** A person id as used in the additional data: no separators. */
export const personIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/)

/** What createPii is built from (config and the key store). */
export type PiiDeps = { keyStore: PersonKeyStore; masterKeys: MasterKeys; currentKeyId: string; indexKey: Buffer }
type Kind = 'field' | 'blob'

const assertPurpose = (purpose: string) => {
  if (!purposeSchema.safeParse(purpose).success) throw new PiiError(PII_ERRORS.INVALID_PURPOSE, 'a purpose is table.column')
}
const assertPersonAndPurpose = (personId: string, purpose: string) => {
  if (!personIdSchema.safeParse(personId).success) throw new PiiError(PII_ERRORS.INVALID_PERSON_ID, 'invalid person id')
  assertPurpose(purpose)
}

// Authenticated with every value: the format, the data key id, and where the value belongs.
const aad = (kind: Kind, keyId: string, purpose: string, personId: string) => Buffer.from(`pii1-${kind}|${keyId}|${purpose}:${personId}`)

function seal(dataKey: Buffer, keyId: string, additional: Buffer, plaintext: Buffer): Sealed {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(additional)
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { keyId, iv, tag: cipher.getAuthTag(), ct }
}

function open(dataKey: Buffer, additional: Buffer, { iv, tag, ct }: Sealed): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, iv).setAAD(additional)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ct), decipher.final()])
  } catch {
    throw new PiiError(PII_ERRORS.DECRYPTION_FAILED, 'the value was altered, or belongs to another person or purpose')
  }
}

async function encryptBytes(keys: Keys, personId: string, purpose: string, kind: Kind, plaintext: Buffer): Promise<Sealed> {
  assertPersonAndPurpose(personId, purpose)
  const record = await keys.keyStore.getOrCreate(personId, () => newPersonKey(keys, personId))
  return withDataKey(keys, record, (dataKey, keyId) => seal(dataKey, keyId, aad(kind, keyId, purpose, personId), plaintext))
}

/** Opens several values of one person with one key lookup and one unwrap. */
async function decryptAll(keys: Keys, personId: string, kind: Kind, values: { purpose: string; sealed: Sealed }[]): Promise<Buffer[]> {
  for (const v of values) assertPersonAndPurpose(personId, v.purpose)
  return withDataKey(keys, await keys.keyStore.get(personId), (dataKey, keyId) => values.map(({ purpose, sealed }) => {
    if (sealed.keyId !== keyId) throw new PiiError(PII_ERRORS.DECRYPTION_FAILED, "the value was not encrypted with this person's key")
    return open(dataKey, aad(kind, keyId, purpose, personId), sealed)
  }))
}

const decryptBytes = async (keys: Keys, personId: string, purpose: string, kind: Kind, sealed: Sealed): Promise<Buffer> =>
  (await decryptAll(keys, personId, kind, [{ purpose, sealed }]))[0]!

/** Field and blob encryption, blind indexes and crypto-shredding over a person key store. */
export function createPii({ keyStore, masterKeys, currentKeyId, indexKey }: PiiDeps) {
  assertMasterKeys(masterKeys, currentKeyId)
  if (!Buffer.isBuffer(indexKey) || indexKey.length < MIN_INDEX_KEY_BYTES || [...masterKeys.values()].some((k) => k.equals(indexKey))) {
    throw new PiiError(PII_ERRORS.INVALID_INDEX_KEY, `the index key must be ${MIN_INDEX_KEY_BYTES}+ bytes and no master key`)
  }
  const keys: Keys = { keyStore, masterKeys, currentKeyId }
  return {
    /** Encrypts a text value for one person and purpose (creating the person's key on first use). */
    encrypt: async (personId: string, purpose: string, plaintext: string): Promise<string> =>
      formatField(await encryptBytes(keys, personId, purpose, 'field', Buffer.from(plaintext, 'utf8'))),
    /** Decrypts a value encrypt produced for this person and purpose; KEY_DESTROYED once the person is shredded. */
    decrypt: async (personId: string, purpose: string, ciphertext: string): Promise<string> =>
      (await decryptBytes(keys, personId, purpose, 'field', parseField(ciphertext))).toString('utf8'),
    /** Decrypts several values of one person at once (one key lookup), in the order given. */
    decryptMany: async (personId: string, values: { purpose: string; ciphertext: string }[]): Promise<string[]> =>
      (await decryptAll(keys, personId, 'field', values.map((v) => ({ purpose: v.purpose, sealed: parseField(v.ciphertext) }))))
        .map((b) => b.toString('utf8')),
    /** Encrypts bytes (an ID image) for one person and purpose. */
    encryptBlob: async (personId: string, purpose: string, data: Buffer): Promise<Buffer> =>
      formatBlob(await encryptBytes(keys, personId, purpose, 'blob', data)),
    /** Decrypts bytes encryptBlob produced for this person and purpose. */
    decryptBlob: async (personId: string, purpose: string, blob: Buffer): Promise<Buffer> =>
      decryptBytes(keys, personId, purpose, 'blob', parseBlob(blob)),
    /** A stable keyed hash of the normalised value, for equality lookups (duplicate document numbers). */
    blindIndex: (purpose: string, value: string, normalise: (v: string) => string = normaliseForIndex): string => {
      assertPurpose(purpose)
      return computeBlindIndex(indexKey, purpose, value, normalise)
    },
    /** Crypto-shredding: destroys the person's key, so nothing ever encrypted for them can be read again. */
    destroyPersonKey: (personId: string): Promise<void> => keyStore.destroy(personId),
    /** Master-key rotation: re-wraps the person's key under the current master key; false if nothing to do. */
    rewrapPersonKey: (personId: string): Promise<boolean> => rewrapPersonKey(keys, personId),
  }
}

/** The personal-data encryption service handed to activities. */
export type Pii = ReturnType<typeof createPii>
