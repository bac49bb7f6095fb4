/** The person keys in PostgreSQL (table person_keys): one wrapped data key per person, a tombstone once destroyed. */
import type { Db } from '../../prisma/client.ts'
import type { NewPersonKey, PersonKeyRecord, PersonKeyStore } from '../pii/key-store.ts'

type Row = { personId: string; keyId: string; wrappedKey: Uint8Array | null; masterKeyId: string; createdAt: Date; destroyedAt: Date | null }
const record = (r: Row): PersonKeyRecord => ({ ...r, wrappedKey: r.wrappedKey ? Buffer.from(r.wrappedKey) : null })

export function createPersonKeyStore(db: Db): PersonKeyStore {
  return {
    async getOrCreate(personId: string, create: () => NewPersonKey) {
      const existing = await db.personKey.findUnique({ where: { personId } })
      if (existing) return record(existing)
      const k = create()
      // concurrent first encryptions for one person: one insert wins, everyone reads the stored row
      await db.personKey.createMany({ data: [{ personId, keyId: k.keyId, wrappedKey: new Uint8Array(k.wrappedKey), masterKeyId: k.masterKeyId }],
        skipDuplicates: true })
      return record(await db.personKey.findUniqueOrThrow({ where: { personId } }))
    },
    async get(personId: string) {
      const r = await db.personKey.findUnique({ where: { personId } })
      return r ? record(r) : null
    },
    async destroy(personId: string) {
      await db.personKey.updateMany({ where: { personId, destroyedAt: null }, data: { wrappedKey: null, destroyedAt: new Date() } })
    },
    async rewrap(personId: string, fromMasterKeyId: string, to: { wrappedKey: Buffer; masterKeyId: string }) {
      const { count } = await db.personKey.updateMany({ where: { personId, masterKeyId: fromMasterKeyId, destroyedAt: null },
        data: { wrappedKey: new Uint8Array(to.wrappedKey), masterKeyId: to.masterKeyId } })
      return count === 1
    },
  }
}
