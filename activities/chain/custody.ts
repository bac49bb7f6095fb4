/** Wallets the platform holds for people. One small interface, so the key store can change behind it. */
import { keccak256, stringToBytes } from 'viem'
import { hdKeyToAccount, type LocalAccount } from 'viem/accounts'
import { masterKeyFromMnemonic } from './mnemonic.ts'

/** Where signing keys of custodial wallets come from (today: one platform mnemonic; next: per-person encrypted keys). */
export interface WalletCustody {
  /** The account of this owner's wallet: the same on every call and every machine, distinct per owner. */
  accountFor(ownerId: string): Promise<LocalAccount>
}

export type HdPath = `m/44'/60'/${string}`
const INDEX_LIMIT = 2n ** 31n
const CACHE_LIMIT = 10_000

/**
 * m/44'/60'/a'/b/c with a, b, c taken from keccak256(ownerId): 93 bits, so two owners never share a wallet
 * (a single 31-bit index would collide after about 50,000 owners). Any BIP-44 wallet can recover it from the path.
 */
export function custodyPath(ownerId: string): HdPath {
  if (ownerId.trim() === '') throw new Error('a custodial wallet needs an owner id')
  const hash = BigInt(keccak256(stringToBytes(ownerId)))
  const [a, b, c] = [0n, 1n, 2n].map((i) => (hash >> (i * 31n)) % INDEX_LIMIT)
  return `m/44'/60'/${a}'/${b}/${c}`
}

/** Deterministic per-owner accounts derived from the platform's custody mnemonic (secret). */
export function createMnemonicCustody(mnemonic: string): WalletCustody {
  const master = masterKeyFromMnemonic(mnemonic)
  const accounts = new Map<string, LocalAccount>()
  return {
    async accountFor(ownerId) {
      const known = accounts.get(ownerId)
      if (known) return known
      const account = hdKeyToAccount(master, { path: custodyPath(ownerId) })
      // derivation costs a few ms; a bounded cache keeps busy fans cheap without growing forever
      if (accounts.size >= CACHE_LIMIT) accounts.delete(accounts.keys().next().value!)
      accounts.set(ownerId, account)
      return account
    },
  }
}
