/**
 * FlexPay signatures (Verotel's FlexPay docs and its PHP/Java clients): SHA-256, lower-case hex, of the signature key
 * followed by the `name=value` pairs sorted by name, all joined by ':'. Requests and postbacks are signed the same way.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

/** 'key:a=1:b=2': names in code-unit order, as PHP's ksort and Java's sorted map order ASCII names. */
export const signatureBase = (signatureKey: string, params: Readonly<Record<string, string>>): string =>
  [signatureKey, ...Object.keys(params).sort().map((name) => `${name}=${params[name]}`)].join(':')

/** The signature of a set of parameters (the caller leaves out `signature` and any unsigned ones). */
export function flexpaySignature(signatureKey: string, params: Readonly<Record<string, string>>): string {
  return createHash('sha256').update(signatureBase(signatureKey, params), 'utf8').digest('hex')
}

/**
 * Constant-time check of a received signature. Only SHA-256 is accepted: Verotel's own clients still accept the
 * pre-v4 SHA-1 signatures, but every current FlexPay message is signed with SHA-256.
 */
export function verifyFlexpaySignature(signatureKey: string, params: Readonly<Record<string, string>>, signature: string): boolean {
  const expected = Buffer.from(flexpaySignature(signatureKey, params), 'utf8')
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
