/**
 * The data converter every Temporal client and worker of the platform uses: payloads naming a person are sealed
 * with that person's key (payload-codec.ts). Built from the identity configuration, so the API, the workers, the
 * tests and the benches all seal and open alike.
 */
import type { DataConverter, PayloadCodec } from '@temporalio/common'
import type { Db } from '../../prisma/client.ts'
import { createPersonKeyStore } from '../identity/person-key-store.ts'
import { createCachingKeyStore } from './caching-key-store.ts'
import { parseMasterKeys } from './master-keys.ts'
import { createPersonPayloadCodec } from './payload-codec.ts'
import { createPii } from './pii.ts'

export type CodecEnv = { PII_MASTER_KEYS: string; PII_CURRENT_KEY_ID: string; PII_INDEX_KEY: string }

/** The codec, over a short-lived cache of the person keys (a destroy through this process evicts at once). */
export function createTemporalPayloadCodec(env: CodecEnv, db: Db, onShredded: 'throw' | 'placeholder' = 'throw'): PayloadCodec {
  const pii = createPii({ keyStore: createCachingKeyStore(createPersonKeyStore(db)), masterKeys: parseMasterKeys(env.PII_MASTER_KEYS),
    currentKeyId: env.PII_CURRENT_KEY_ID, indexKey: Buffer.from(env.PII_INDEX_KEY, 'base64url') })
  const knownPeople = async (ids: string[]) =>
    new Set((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id))
  return createPersonPayloadCodec({ pii, knownPeople, onShredded })
}

export const temporalDataConverter = (env: CodecEnv, db: Db): DataConverter => ({ payloadCodecs: [createTemporalPayloadCodec(env, db)] })
