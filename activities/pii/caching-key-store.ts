/**
 * A short-lived in-memory cache in front of a PersonKeyStore, for hot paths such as the Temporal payload codec
 * (every activity input and result). Only wrapped keys are cached, never a data key. A key destroyed through this
 * store stops working here at once; another process sees it within the TTL.
 */
import type { PersonKeyRecord, PersonKeyStore } from './key-store.ts'

/** How long a record is trusted (default 30 s) and how many are kept (default 10 000). */
export type KeyCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number }

/** Wraps `inner` with a TTL cache; `destroy` and `rewrap` evict the person's entry. */
export function createCachingKeyStore(inner: PersonKeyStore, { ttlMs = 30_000, maxEntries = 10_000, now = Date.now }: KeyCacheOptions = {}):
  PersonKeyStore {
  const entries = new Map<string, { record: PersonKeyRecord; until: number }>()
  // bumped on every eviction: a read that started before one must not put a record back (evictions are rare)
  let evictions = 0

  const evict = (personId: string) => {
    entries.delete(personId)
    evictions += 1
  }
  const cached = (personId: string): PersonKeyRecord | null => {
    const entry = entries.get(personId)
    if (!entry) return null
    if (entry.until > now()) return { ...entry.record }
    entries.delete(personId)
    return null
  }
  async function remember(personId: string, read: () => Promise<PersonKeyRecord | null>): Promise<PersonKeyRecord | null> {
    const started = evictions
    const record = await read()
    if (record && evictions === started) {
      entries.delete(personId)
      entries.set(personId, { record: { ...record }, until: now() + ttlMs })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    }
    return record
  }

  return {
    async getOrCreate(personId, create) {
      return cached(personId) ?? (await remember(personId, () => inner.getOrCreate(personId, create)))!
    },
    async get(personId) {
      return cached(personId) ?? remember(personId, () => inner.get(personId))
    },
    async destroy(personId) {
      evict(personId)
      try { await inner.destroy(personId) } finally { evict(personId) }
    },
    async rewrap(personId, fromMasterKeyId, to) {
      evict(personId)
      try { return await inner.rewrap(personId, fromMasterKeyId, to) } finally { evict(personId) }
    },
  }
}
