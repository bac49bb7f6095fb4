/**
 * The versioned, self-describing forms of an encrypted value. A field is text for a column,
 * 'pii1.<keyId>.<iv>.<tag>.<ciphertext>' in base64url; a blob is bytes for object storage,
 * 'PII1' | keyId length | keyId | iv | tag | ciphertext. The key id names the person's data key.
 */
import { PII_ERRORS, PiiError } from './errors.ts'

/** The parts of an encrypted value: data key id, IV, GCM tag, ciphertext. */
export type Sealed = { keyId: string; iv: Buffer; tag: Buffer; ct: Buffer }

/** Version prefix of field ciphertexts. */
export const FIELD_VERSION = 'pii1'
/** AES-GCM nonce length (96 bits, random per value). */
export const IV_BYTES = 12
/** AES-GCM authentication tag length (128 bits). */
export const TAG_BYTES = 16
const BLOB_MAGIC = Buffer.from('PII1')
/** Data key ids: 'dk_' and 16 base64url characters (96 random bits). */
export const DATA_KEY_ID = /^dk_[A-Za-z0-9_-]{16}$/
const B64URL = /^[A-Za-z0-9_-]*$/

const malformed = (what: string) => new PiiError(PII_ERRORS.MALFORMED_CIPHERTEXT, `not a ${what} ciphertext`)

/** 'pii1.<keyId>.<iv>.<tag>.<ct>'. */
export const formatField = ({ keyId, iv, tag, ct }: Sealed): string =>
  [FIELD_VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.')

/** The parts of a field; throws MALFORMED_CIPHERTEXT for another version, a wrong shape or bad base64url. */
export function parseField(text: string): Sealed {
  const parts = typeof text === 'string' ? text.split('.') : []
  const [version, keyId = '', iv = '', tag = '', ct = ''] = parts
  if (parts.length !== 5 || version !== FIELD_VERSION || !DATA_KEY_ID.test(keyId)) throw malformed('pii1 field')
  if (![iv, tag, ct].every((p) => B64URL.test(p))) throw malformed('pii1 field')
  const sealed = { keyId, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), ct: Buffer.from(ct, 'base64url') }
  // decoding must round-trip exactly, or the text carried bits base64url ignores
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES || formatField(sealed) !== text) throw malformed('pii1 field')
  return sealed
}

/** 'PII1' | keyId length | keyId | iv | tag | ct. */
export function formatBlob({ keyId, iv, tag, ct }: Sealed): Buffer {
  const id = Buffer.from(keyId, 'ascii')
  return Buffer.concat([BLOB_MAGIC, Buffer.of(id.length), id, iv, tag, ct])
}

/** The parts of a blob; throws MALFORMED_CIPHERTEXT. */
export function parseBlob(blob: Buffer): Sealed {
  if (!Buffer.isBuffer(blob) || blob.length < BLOB_MAGIC.length + 1 || !blob.subarray(0, 4).equals(BLOB_MAGIC)) throw malformed('PII1 blob')
  const idEnd = 5 + (blob[4] ?? 0)
  const keyId = blob.subarray(5, idEnd).toString('ascii')
  if (!DATA_KEY_ID.test(keyId) || blob.length < idEnd + IV_BYTES + TAG_BYTES) throw malformed('PII1 blob')
  const ivEnd = idEnd + IV_BYTES
  return { keyId, iv: blob.subarray(idEnd, ivEnd), tag: blob.subarray(ivEnd, ivEnd + TAG_BYTES), ct: blob.subarray(ivEnd + TAG_BYTES) }
}
