/**
 * The data converter every Temporal client and worker of the platform uses: payloads naming a person are sealed
 * with that person's key (payload-codec.ts). Built from the identity configuration, so the API, the workers, the
 * tests and the benches all seal and open alike.
 */
import type { DataConverter, PayloadCodec } from '@temporalio/common'
import type { Db } from '../../prisma/client.ts'
import { createPersonKeyStore } from '../identity/person-key-store.ts'
import { createCachingKeyStore } from './caching-key-store.ts'
import type { PersonKeyStore } from './key-store.ts'
import { parseMasterKeys } from './master-keys.ts'
import { createPersonPayloadCodec } from './payload-codec.ts'
import { createPii } from './pii.ts'

export type CodecEnv = { PII_MASTER_KEYS: string; PII_CURRENT_KEY_ID: string; PII_INDEX_KEY: string }

/**
 * The codec, over a short-lived cache of the person keys. Destroy keys through the same `keyStore` (the workers'
 * erasure does) and the cache forgets at once; other processes' caches forget within their TTL (30 s).
 */
export function createTemporalPayloadCodec(env: CodecEnv, db: Db, onShredded: 'throw' | 'placeholder' = 'throw',
  keyStore: PersonKeyStore = createCachingKeyStore(createPersonKeyStore(db))): PayloadCodec {
  const pii = createPii({ keyStore, masterKeys: parseMasterKeys(env.PII_MASTER_KEYS),
    currentKeyId: env.PII_CURRENT_KEY_ID, indexKey: Buffer.from(env.PII_INDEX_KEY, 'base64url') })
  const knownPeople = async (ids: string[]) =>
    // an erased person's id names nobody any more: it is not sealed for (their key is gone)
    new Set((await db.person.findMany({ where: { id: { in: ids }, status: { not: 'erased' } }, select: { id: true } })).map((p) => p.id))
  return createPersonPayloadCodec({ pii, knownPeople, onShredded })
}

export const temporalDataConverter = (env: CodecEnv, db: Db, keyStore?: PersonKeyStore): DataConverter =>
  ({ payloadCodecs: [createTemporalPayloadCodec(env, db, 'throw', keyStore)] })
