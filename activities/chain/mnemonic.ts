/** BIP-39 mnemonics: checked word by word and by checksum, and turned into a master key once. */
import { createHash, pbkdf2Sync } from 'node:crypto'
import { HDKey, english } from 'viem/accounts'

const WORD_COUNTS = [12, 15, 18, 21, 24]

/**
 * Throws unless the phrase is a valid English BIP-39 mnemonic. A mistyped word would otherwise derive other,
 * empty wallets without any error, and every fan's funds would seem gone.
 */
export function assertValidMnemonic(mnemonic: string): void {
  const words = mnemonic.normalize('NFKD').trim().split(/\s+/)
  if (!WORD_COUNTS.includes(words.length)) throw new Error(`a mnemonic has 12, 15, 18, 21 or 24 words, not ${words.length}`)
  const bits = words.map((word, i) => {
    const index = english.indexOf(word)
    if (index < 0) throw new Error(`word ${i + 1} of the mnemonic is not in the BIP-39 English list`)
    return index.toString(2).padStart(11, '0')
  }).join('')
  const checksumBits = bits.length / 33
  const entropyBits = bits.slice(0, bits.length - checksumBits)
  const entropy = Buffer.from(entropyBits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)))
  const hash = createHash('sha256').update(entropy).digest()
  const expected = [...hash].map((b) => b.toString(2).padStart(8, '0')).join('').slice(0, checksumBits)
  if (bits.slice(-checksumBits) !== expected) throw new Error('the mnemonic checksum does not match: a word is wrong or out of order')
}

/** The BIP-32 master key of a mnemonic (BIP-39 seed: PBKDF2-SHA512, 2048 rounds), derived once instead of per account. */
export function masterKeyFromMnemonic(mnemonic: string, passphrase = ''): HDKey {
  assertValidMnemonic(mnemonic)
  const seed = pbkdf2Sync(mnemonic.normalize('NFKD').trim().split(/\s+/).join(' '), `mnemonic${passphrase.normalize('NFKD')}`, 2048, 64, 'sha512')
  return HDKey.fromMasterSeed(seed)
}

/** assertValidMnemonic as a predicate, for config schemas. */
export function isValidMnemonic(mnemonic: string): boolean {
  try {
    assertValidMnemonic(mnemonic)
    return true
  } catch {
    return false
  }
}
