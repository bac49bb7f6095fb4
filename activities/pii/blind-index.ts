/** Blind indexes: a keyed hash of a normalised value, so equal values can be found without decrypting any. */
import { createHmac } from 'node:crypto'

/** Prefix of every blind index, so the scheme can change later. */
export const INDEX_VERSION = 'bi1'
/** The index key is separate from every master key; at least 256 bits. */
export const MIN_INDEX_KEY_BYTES = 32

/** Default normalisation: NFKC, trimmed, inner whitespace collapsed, lower case. Pass a stricter one per field. */
export const normaliseForIndex = (value: string): string => value.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase()

/**
 * 'bi1.' + base64url(HMAC-SHA256(indexKey, purpose \n normalised value)). The purpose is in the hash, so equal
 * values in different columns do not give equal indexes.
 */
export function computeBlindIndex(indexKey: Buffer, purpose: string, value: string, normalise = normaliseForIndex): string {
  const mac = createHmac('sha256', indexKey).update(`${purpose}\n${normalise(value)}`, 'utf8').digest('base64url')
  return `${INDEX_VERSION}.${mac}`
}
