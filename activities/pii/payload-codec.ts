/**
 * A PayloadCodec that seals the Temporal payloads naming a person with that person's data key, one layer per
 * person, so that destroying any one of their keys (crypto-shredding) makes the payload unreadable in every
 * workflow history. Payloads that name nobody go through as they are.
 */
import type { Payload, PayloadCodec } from '@temporalio/common'
import proto from '@temporalio/proto'
import { PII_ERRORS, PiiError } from './errors.ts'
import type { Pii } from './pii.ts'

/** metadata.encoding of a sealed payload. */
export const PII_PAYLOAD_ENCODING = 'binary/fanz-pii1'
/** Metadata key of a sealed payload's subjects: their person ids, sorted, comma-joined. */
export const SUBJECTS_METADATA_KEY = 'fanz-subjects'
/** The purpose every layer is bound to. */
export const PAYLOAD_PURPOSE = 'temporal.payload'
/** Keys whose UUID values (or arrays of them) name a person; any key ending in 'PersonId' does too. */
export const SUBJECT_KEYS: readonly string[] = ['personId', 'fanId', 'creatorId', 'buyerId', 'requesterId', 'subjectId', 'ownerId',
  'performerId', 'payeeId', 'recipientId', 'grantedBy', 'requestedById', 'referrerId', 'actorId', 'operatorId', 'decidedBy',
  // ledger accounts: a creator's or fan's id, or a processor's name (never a UUID)
  'owner']

/** What the codec needs: the encryption service, and who is a person. */
export type PersonPayloadCodecDeps = {
  pii: Pick<Pii, 'encryptBlob' | 'decryptBlob'>
  /** Which of these ids are people: the codec creates keys for nobody else. Positive answers are cached. */
  knownPeople: (ids: string[]) => Promise<Set<string>>
  /** When a subject's key was destroyed: 'throw' (workers, the default) or 'placeholder' (the Web UI's codec endpoint). */
  onShredded?: 'throw' | 'placeholder'
  /** How many person ids to remember (default 100 000). */
  peopleCacheSize?: number
}

const Envelope = proto.temporal.api.common.v1.Payload
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SUBJECT_KEY_SET = new Set(SUBJECT_KEYS)
const isSubjectKey = (key: string) => SUBJECT_KEY_SET.has(key) || key.endsWith('PersonId')
// a test on the JSON text, so that the many payloads naming nobody are never parsed
const MENTIONS_SUBJECT = new RegExp(`"(?:${SUBJECT_KEYS.join('|')}|[^"\\\\]*PersonId)"\\s*:`)
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
const encodingOf = (p: Payload) => (p.metadata?.encoding ? utf8(p.metadata.encoding) : undefined)

function collect(value: unknown, underSubjectKey: boolean, found: Set<string>): void {
  if (typeof value === 'string') {
    if (underSubjectKey && UUID.test(value)) found.add(value.toLowerCase())
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, underSubjectKey, found)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collect(item, isSubjectKey(key), found)
  }
}

/** The UUIDs (lower case) under a subject key anywhere in a json/plain payload; empty for any other payload. */
export function subjectCandidates(payload: Payload): Set<string> {
  const found = new Set<string>()
  if (encodingOf(payload) !== 'json/plain' || !payload.data) return found
  const text = utf8(payload.data)
  if (!MENTIONS_SUBJECT.test(text)) return found
  try { collect(JSON.parse(text), false, found) } catch { /* not JSON after all: nothing to seal */ }
  return found
}

function subjectsOf(payload: Payload): string[] {
  const listed = payload.metadata?.[SUBJECTS_METADATA_KEY]
  const subjects = listed ? utf8(listed).split(',') : []
  if (subjects.length === 0 || !subjects.every((id) => UUID.test(id))) {
    throw new PiiError(PII_ERRORS.MALFORMED_CIPHERTEXT, `a ${PII_PAYLOAD_ENCODING} payload without valid subjects`)
  }
  return subjects
}

// sealed under the innermost layer, so a subject list changed after sealing (one removed) is refused
const header = (subjects: string[]) => Buffer.from(`${PII_PAYLOAD_ENCODING}|${subjects.join(',')}\n`)

const placeholder = (subjects: string[]): Payload => ({ metadata: { encoding: Buffer.from('json/plain') },
  data: Buffer.from(JSON.stringify({ erased: 'personal data of an erased person', subjects })) })

/** The codec for workers, clients and the codec endpoint; build it with one `pii` per process. */
export function createPersonPayloadCodec({ pii, knownPeople, onShredded = 'throw', peopleCacheSize = 100_000 }: PersonPayloadCodecDeps): PayloadCodec {
  const people = new Set<string>()

  /** The people among `ids`: from the cache, else one knownPeople call for the rest. */
  async function peopleAmong(ids: Set<string>): Promise<Set<string>> {
    const found = new Set([...ids].filter((id) => people.has(id)))
    const unknown = [...ids].filter((id) => !found.has(id))
    if (unknown.length === 0) return found
    const answer = await knownPeople(unknown)
    for (const id of unknown) {
      if (!answer.has(id)) continue
      found.add(id)
      people.add(id)
      if (people.size > peopleCacheSize) people.delete(people.values().next().value as string)
    }
    return found
  }

  /**
   * Seals for every subject whose key still exists. An erased person's key is gone and so is everything that named
   * them: their id is a bare pseudonym from then on, and a run that names it (a ledger release, a payout) goes on.
   */
  async function seal(payload: Payload, given: string[]): Promise<Payload> {
    let subjects = given
    for (;;) {
      let data: Buffer = Buffer.concat([header(subjects), Envelope.encode(payload).finish()])
      let shredded: string | null = null
      for (const personId of subjects) {
        try {
          data = await pii.encryptBlob(personId, PAYLOAD_PURPOSE, data)
        } catch (err) {
          if (!(err instanceof PiiError && err.code === PII_ERRORS.KEY_DESTROYED)) throw err
          shredded = personId
          break
        }
      }
      if (shredded === null) {
        return { metadata: { encoding: Buffer.from(PII_PAYLOAD_ENCODING), [SUBJECTS_METADATA_KEY]: Buffer.from(subjects.join(',')) }, data }
      }
      people.delete(shredded)
      subjects = subjects.filter((id) => id !== shredded)
      if (subjects.length === 0) return payload
    }
  }

  async function open(payload: Payload): Promise<Payload> {
    const subjects = subjectsOf(payload)
    let data: Buffer = Buffer.from(payload.data ?? new Uint8Array())
    try {
      for (const personId of [...subjects].reverse()) data = await pii.decryptBlob(personId, PAYLOAD_PURPOSE, data)
    } catch (err) {
      if (!(err instanceof PiiError && err.code === PII_ERRORS.KEY_DESTROYED)) throw err
      if (onShredded === 'placeholder') return placeholder(subjects)
      throw new PiiError(PII_ERRORS.KEY_DESTROYED,
        `this Temporal payload holds personal data of an erased person (one of ${subjects.join(', ')}): it can no longer be read`)
    }
    const expected = header(subjects)
    if (!data.subarray(0, expected.length).equals(expected)) {
      throw new PiiError(PII_ERRORS.DECRYPTION_FAILED, 'the payload was sealed for other subjects than it lists')
    }
    const { metadata, data: inner, externalPayloads } = Envelope.decode(data.subarray(expected.length))
    return externalPayloads.length ? { metadata, data: inner, externalPayloads } : { metadata, data: inner }
  }

  return {
    async encode(payloads) {
      const candidates = payloads.map(subjectCandidates)
      const found = await peopleAmong(new Set(candidates.flatMap((ids) => [...ids])))
      return Promise.all(payloads.map((payload, i) => {
        const subjects = [...(candidates[i] ?? [])].filter((id) => found.has(id)).sort()
        return subjects.length ? seal(payload, subjects) : payload
      }))
    },
    async decode(payloads) {
      return Promise.all(payloads.map((p) => (encodingOf(p) === PII_PAYLOAD_ENCODING ? open(p) : p)))
    },
  }
}
