/**
 * Epoch's `epoch_digest`: HMAC-MD5, keyed with the merchant's HMAC key, over every other parameter sorted by name,
 * each name followed by its trimmed value, empty values left out. Two public merchant integrations agree on it
 * (a camcharge client's published test vectors and a large merchant's postback tests); Epoch's own PDF is not public.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const DIGEST_FIELD = 'epoch_digest'

// the reference code filters with PHP's empty(), which is true for '' and for '0'
const omitted = (value: string) => value === '' || value === '0'

/** The lowercase hex digest of these parameters (an `epoch_digest` among them is ignored). */
export function epochDigest(params: Readonly<Record<string, string>>, key: string): string {
  const text = Object.keys(params)
    .filter((name) => name !== DIGEST_FIELD && !omitted(params[name] ?? ''))
    .sort()
    .map((name) => `${name}${(params[name] ?? '').trim()}`)
    .join('')
  return createHmac('md5', key).update(text, 'utf8').digest('hex')
}

/** The parameters with their `epoch_digest` added, as Epoch and we send them. */
export function signParams(params: Readonly<Record<string, string>>, key: string): Record<string, string> {
  return { ...params, [DIGEST_FIELD]: epochDigest(params, key) }
}

/** True when `epoch_digest` is present and matches; compared in constant time. */
export function digestMatches(params: Readonly<Record<string, string>>, key: string): boolean {
  const given = params[DIGEST_FIELD] ?? ''
  if (!/^[0-9a-f]{32}$/i.test(given)) return false
  return timingSafeEqual(Buffer.from(epochDigest(params, key), 'hex'), Buffer.from(given.toLowerCase(), 'hex'))
}
