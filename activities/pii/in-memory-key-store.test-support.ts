/** A PersonKeyStore in a Map, for unit tests only: production keys live in PostgreSQL (table person_keys). */
import type { PersonKeyRecord, PersonKeyStore } from './key-store.ts'

/** An in-memory store with the production semantics (tombstones, compare-and-set rewrap); `rows` for assertions. */
export function createInMemoryKeyStore(clock: () => Date = () => new Date()): PersonKeyStore & { rows: Map<string, PersonKeyRecord> } {
  const rows = new Map<string, PersonKeyRecord>()
  return {
    rows,
    async getOrCreate(personId, create) {
      const existing = rows.get(personId)
      if (existing) return { ...existing }
      const row = { personId, ...create(), createdAt: clock(), destroyedAt: null }
      rows.set(personId, row)
      return { ...row }
    },
    async get(personId) {
      const row = rows.get(personId)
      return row ? { ...row } : null
    },
    async destroy(personId) {
      const row = rows.get(personId)
      if (row && row.destroyedAt === null) rows.set(personId, { ...row, wrappedKey: null, destroyedAt: clock() })
    },
    async rewrap(personId, fromMasterKeyId, to) {
      const row = rows.get(personId)
      if (!row || row.destroyedAt !== null || row.masterKeyId !== fromMasterKeyId) return false
      rows.set(personId, { ...row, ...to })
      return true
    },
  }
}
