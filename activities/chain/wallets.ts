/**
 * Custodial wallets: one random key per person, stored encrypted with that person's own PII key (activities/pii), so
 * the key is unreadable at rest and destroyed with the person's key. Receiving needs only the address, which is kept
 * in the clear; the key is opened only to sign.
 */
import { getAddress, type Address, type LocalAccount } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import type { Db } from '../../prisma/client.ts'
import type { WalletCustody } from './custody.ts'

/** What the wallets need of the PII cipher. */
export type KeyCipher = {
  encrypt(personId: string, purpose: string, plaintext: string): Promise<string>
  decrypt(personId: string, purpose: string, ciphertext: string): Promise<string>
}

export const WALLET_KEY_PURPOSE = 'custodial_wallets.private_key'

export type CustodialWallets = WalletCustody & {
  /** The person's wallet address, creating the wallet on first use. */
  addressOf(personId: string): Promise<Address>
}

export function createCustodialWallets({ db, pii }: { db: Db; pii: KeyCipher }): CustodialWallets {
  // addresses only: they are public, and a destroyed person key must not live on in memory as a cached signer
  const addresses = new Map<string, Address>()

  async function ensure(personId: string): Promise<{ address: Address; sealedKey: string }> {
    const found = await db.custodialWallet.findUnique({ where: { personId } })
    if (found) return { address: found.address as Address, sealedKey: found.sealedKey }
    const key = generatePrivateKey()
    const address = privateKeyToAccount(key).address
    const sealedKey = await pii.encrypt(personId, WALLET_KEY_PURPOSE, key)
    // two first uses at once: one insert wins, both read the winner
    await db.custodialWallet.createMany({ data: [{ personId, address, sealedKey }], skipDuplicates: true })
    const row = await db.custodialWallet.findUniqueOrThrow({ where: { personId } })
    return { address: row.address as Address, sealedKey: row.sealedKey }
  }

  return {
    async addressOf(personId) {
      const known = addresses.get(personId)
      if (known) return known
      const { address } = await ensure(personId)
      if (addresses.size >= 10_000) addresses.delete(addresses.keys().next().value!)
      addresses.set(personId, getAddress(address))
      return getAddress(address)
    },
    async accountFor(personId): Promise<LocalAccount> {
      const { address, sealedKey } = await ensure(personId)
      const account = privateKeyToAccount((await pii.decrypt(personId, WALLET_KEY_PURPOSE, sealedKey)) as `0x${string}`)
      if (account.address !== getAddress(address)) throw new Error(`the stored key of ${personId}'s wallet does not match its address`)
      return account
    },
  }
}
