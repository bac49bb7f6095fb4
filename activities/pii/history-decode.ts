/**
 * Payloads in their proto3 JSON form (base64 metadata values and data), as the Web UI's codec calls and
 * `historyToJSON` carry them, and the decoding of every payload of a history, e.g. to record a replay history
 * in clear text.
 */
import type { Payload, PayloadCodec } from '@temporalio/common'

/** A Payload in proto3 JSON: metadata values and data in standard base64. */
export type JsonPayload = { metadata?: Record<string, string> | null; data?: string | null }

const PAYLOAD_KEYS = new Set(['metadata', 'data', 'externalPayloads'])
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** A Payload from its JSON form. */
export const payloadFromJson = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  ...(data ? { data: Buffer.from(data, 'base64') } : {}),
})

/** The JSON form of a Payload. */
export const payloadToJson = ({ metadata, data }: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  ...(data?.length ? { data: Buffer.from(data).toString('base64') } : {}),
})

/** An object with string-valued metadata naming an encoding, optional string data, and nothing else. */
function isJsonPayload(v: unknown): v is JsonPayload {
  if (!isRecord(v) || !isRecord(v.metadata) || typeof v.metadata.encoding !== 'string') return false
  if (!Object.values(v.metadata).every((m) => typeof m === 'string')) return false
  return (v.data === undefined || typeof v.data === 'string') && Object.keys(v).every((k) => PAYLOAD_KEYS.has(k))
}

function collect(node: unknown, found: JsonPayload[]): void {
  if (isJsonPayload(node)) found.push(node)
  else if (Array.isArray(node)) for (const item of node) collect(item, found)
  else if (isRecord(node)) for (const item of Object.values(node)) collect(item, found)
}

function rebuild(node: unknown, decoded: Map<JsonPayload, JsonPayload>): unknown {
  if (isJsonPayload(node)) return decoded.get(node) ?? node
  if (Array.isArray(node)) return node.map((item) => rebuild(item, decoded))
  if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([k, item]) => [k, rebuild(item, decoded)]))
  return node
}

/**
 * A copy of a history in JSON form (as historyToJSON writes it) with every payload decoded by `codec`, in one
 * decode call; payloads the codec does not own come back as they were. The input is not changed.
 */
export async function decodeHistoryPayloads<T>(history: T, codec: PayloadCodec): Promise<T> {
  const found: JsonPayload[] = []
  collect(history, found)
  if (found.length === 0) return structuredClone(history)
  const given = found.map(payloadFromJson)
  const decoded = await codec.decode(given)
  // a payload the codec handed back untouched keeps its exact JSON form
  const byOriginal = new Map(found.map((p, i) => {
    const d = decoded[i]
    return [p, !d || d === given[i] ? structuredClone(p) : payloadToJson(d)]
  }))
  return rebuild(history, byOriginal) as T
}
