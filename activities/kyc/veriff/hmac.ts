/** Veriff's X-HMAC-SIGNATURE: hex HMAC-SHA256 of the payload (body, or the id for GET) keyed with the shared secret. */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The lowercase hex signature Veriff expects for this payload. */
export const signPayload = (secret: string, payload: string | Uint8Array): string =>
  createHmac('sha256', secret).update(payload).digest('hex')

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/

/** True when the signature matches; compared in constant time, so a mismatch leaks nothing about where it differs. */
export function signatureMatches(secret: string, payload: string | Uint8Array, signature: string | undefined): boolean {
  if (!signature || !HEX_SHA256.test(signature)) return false
  const expected = Buffer.from(signPayload(secret, payload), 'hex')
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'))
}
