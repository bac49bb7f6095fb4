/** The crypto driver's environment variables (spread into paymentEnvSchema) and the driver they configure. */
import type { Address, Hex } from 'viem'
import { z } from 'zod'
import { httpUrl } from '../../../domain/env.ts'
import { createMnemonicCustody } from '../../chain/custody.ts'
import { isValidMnemonic } from '../../chain/mnemonic.ts'
import type { ProcessorDriver } from '../driver.ts'
import { createCryptoDriver } from './driver.ts'

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte hex address').transform((s) => s as Address)

/** The crypto variables of paymentEnvSchema: all five unset, no crypto payments; a malformed one fails the boot. */
export const cryptoEnvSchema = z.object({
  CRYPTO_RPC_URL: httpUrl.optional().describe('EVM JSON-RPC endpoint for stablecoin payments: the local anvil, or a node provider'),
  CRYPTO_TOKEN_ADDRESS: address.optional().describe('the stablecoin: FanzUSD on the local chain, USDC on a real one'),
  CRYPTO_ROUTER_ADDRESS: address.optional().describe('the PaymentRouter contract (the same CREATE2 address on every chain)'),
  CRYPTO_TREASURY_PRIVATE_KEY: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-prefixed 32-byte hex key').transform((s) => s as Hex)
    .optional().describe('secret: the treasury hot wallet; receives payments, pays the relaying gas, sends refunds'),
  CRYPTO_CUSTODY_MNEMONIC: z.string().refine(isValidMnemonic, 'not a valid BIP-39 English mnemonic (a word is wrong, missing or out of order)')
    .optional().describe("secret: the mnemonic fans' custodial wallets derive from"),
  CRYPTO_CONFIRMATIONS: z.coerce.number().int().min(1).max(64).default(2)
    .describe("blocks, the payment's own included, before a crypto payment counts as paid"),
})
export type CryptoEnv = z.output<typeof cryptoEnvSchema>

/** The crypto driver when every variable is set; null otherwise, and the processor is simply not offered. */
export function cryptoDriverFromEnv(env: CryptoEnv): ProcessorDriver | null {
  const { CRYPTO_RPC_URL: rpcUrl, CRYPTO_TOKEN_ADDRESS: tokenAddress, CRYPTO_ROUTER_ADDRESS: routerAddress } = env
  const { CRYPTO_TREASURY_PRIVATE_KEY: treasuryPrivateKey, CRYPTO_CUSTODY_MNEMONIC: mnemonic } = env
  if (!rpcUrl || !tokenAddress || !routerAddress || !treasuryPrivateKey || !mnemonic) return null
  return createCryptoDriver({ rpcUrl, tokenAddress, routerAddress, treasuryPrivateKey, custody: createMnemonicCustody(mnemonic),
    confirmations: env.CRYPTO_CONFIRMATIONS })
}
