/** The per-person data keys: creating, unwrapping for one use, re-wrapping on master-key rotation. */
import { randomBytes } from 'node:crypto'
import { PII_ERRORS, PiiError } from './errors.ts'
import type { NewPersonKey, PersonKeyRecord, PersonKeyStore } from './key-store.ts'
import { KEY_BYTES, unwrapKey, wrapKey, type MasterKeys } from './master-keys.ts'

/** What the key functions need: the store, the master keys and which one is current. */
export type Keys = { keyStore: PersonKeyStore; masterKeys: MasterKeys; currentKeyId: string }

/** A new random data key for the person, wrapped by the current master key. */
export function newPersonKey({ masterKeys, currentKeyId }: Keys, personId: string): NewPersonKey {
  const dataKey = randomBytes(KEY_BYTES)
  try {
    return { keyId: `dk_${randomBytes(12).toString('base64url')}`, masterKeyId: currentKeyId,
      wrappedKey: wrapKey(masterKeys, currentKeyId, personId, dataKey) }
  } finally { dataKey.fill(0) }
}

function usable(record: PersonKeyRecord | null): PersonKeyRecord & { wrappedKey: Buffer } {
  if (!record) throw new PiiError(PII_ERRORS.KEY_NOT_FOUND, 'no key for this person')
  if (record.destroyedAt !== null || record.wrappedKey === null) {
    throw new PiiError(PII_ERRORS.KEY_DESTROYED, "this person's key was destroyed; their data is gone")
  }
  return { ...record, wrappedKey: record.wrappedKey }
}

/**
 * Runs `use` (synchronously) with the person's unwrapped data key and wipes the key afterwards. Nothing is
 * cached, so a destroyed key stops working at once in every process.
 */
export function withDataKey<T>({ masterKeys }: Keys, record: PersonKeyRecord | null, use: (dataKey: Buffer, keyId: string) => T): T {
  const { personId, keyId, masterKeyId, wrappedKey } = usable(record)
  const dataKey = unwrapKey(masterKeys, masterKeyId, personId, wrappedKey)
  try { return use(dataKey, keyId) } finally { dataKey.fill(0) }
}

/** Re-wraps the person's data key under the current master key; false when destroyed, absent or already current. */
export async function rewrapPersonKey(keys: Keys, personId: string): Promise<boolean> {
  const record = await keys.keyStore.get(personId)
  if (!record || record.destroyedAt !== null || record.masterKeyId === keys.currentKeyId) return false
  const wrappedKey = withDataKey(keys, record, (dataKey) => wrapKey(keys.masterKeys, keys.currentKeyId, personId, dataKey))
  return keys.keyStore.rewrap(personId, record.masterKeyId, { masterKeyId: keys.currentKeyId, wrappedKey })
}
