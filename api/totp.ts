/** TOTP (RFC 6238) through otpauth: 6 digits, 30 s, one step of clock drift either way. */
import * as OTPAuth from 'otpauth'

const totp = (secretBase32: string, label = 'account') =>
  new OTPAuth.TOTP({ issuer: 'Fanz', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) })

/** A new random secret (base32) and the otpauth:// URL authenticator apps scan. */
export function newTotpSecret(label: string) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  return { secret, otpauthUrl: totp(secret, label).toString() }
}

export const verifyTotp = (secretBase32: string, code: string): boolean => totp(secretBase32).validate({ token: code, window: 1 }) !== null
