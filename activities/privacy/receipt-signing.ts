/** Ed25519 signatures of data-subject-request receipts: anyone holding the published public key can check one. */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'

// the DER prefix of a PKCS #8 Ed25519 private key, before its 32-byte seed (RFC 8410)
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

export type ReceiptSigner = {
  /** the first 16 hex digits of the SHA-256 of the public key (SPKI DER) */
  keyId: string
  publicKeyPem: string
  algorithm: 'Ed25519'
  sign(text: string): string
  verify(text: string, signature: string): boolean
}

export function createReceiptSigner(seedBase64url: string): ReceiptSigner {
  const seed = Buffer.from(seedBase64url, 'base64url')
  if (seed.length !== 32) throw new Error('the receipt key must be 32 bytes (base64url)')
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' })
  const publicKey = createPublicKey(privateKey)
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  return {
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    algorithm: 'Ed25519',
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    verify: (text, signature) => verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64')),
  }
}
