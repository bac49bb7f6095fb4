/** Where each person's data key is kept, wrapped by a master key. The PostgreSQL implementation lives with the db code. */

/** A person's data key as stored: wrappedKey is null once destroyed (crypto-shredded); the row stays as a tombstone. */
export type PersonKeyRecord = {
  personId: string
  /** Names this data key inside every value it encrypted. */
  keyId: string
  wrappedKey: Buffer | null
  masterKeyId: string
  createdAt: Date
  destroyedAt: Date | null
}

/** A freshly generated data key, already wrapped, for getOrCreate to store if the person has none yet. */
export type NewPersonKey = { keyId: string; wrappedKey: Buffer; masterKeyId: string }

/** Storage of the per-person keys; implemented over PostgreSQL by the db layer. */
export interface PersonKeyStore {
  /**
   * The person's key, storing `create()`'s if there is none. Concurrent callers must all get the one stored row
   * (INSERT ... ON CONFLICT DO NOTHING, then SELECT). A destroyed key is returned as is, never replaced.
   */
  getOrCreate(personId: string, create: () => NewPersonKey): Promise<PersonKeyRecord>
  /** The person's key, or null if they never had one. */
  get(personId: string): Promise<PersonKeyRecord | null>
  /** Erases the wrapped key for good and records when; idempotent. */
  destroy(personId: string): Promise<void>
  /** Master-key rotation: replaces the wrapped key only if still wrapped by `fromMasterKeyId` and not destroyed. */
  rewrap(personId: string, fromMasterKeyId: string, to: { wrappedKey: Buffer; masterKeyId: string }): Promise<boolean>
}
