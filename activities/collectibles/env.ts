/** The collectibles' environment variables (spread into the worker's schema) and the activities they configure. */
import type { Address, Hex, LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { z } from 'zod'
import { httpUrl } from '../../domain/env.ts'
import type { Db } from '../../prisma/client.ts'
import { lazyChain } from '../chain/clients.ts'
import { createTxJournal } from '../chain/tx-journal.ts'
import { createCustodialWallets, type KeyCipher } from '../chain/wallets.ts'
import type { SearchClient } from '../search/client.ts'
import type { StorageClient } from '../storage/client.ts'
import { createCollectibleActivities } from './index.ts'
import { heartbeat } from '../payouts/runs.ts'

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte hex address').transform((s) => s as Address)

/** Unset contract or key: collectibles are not offered (their workflows fail fast with COLLECTIBLES_NOT_CONFIGURED). */
export const collectiblesEnvSchema = z.object({
  COLLECTIBLES_RPC_URL: httpUrl.optional().describe('EVM JSON-RPC endpoint of the collectibles chain (defaults to CRYPTO_RPC_URL)'),
  COLLECTIBLES_CONTRACT_ADDRESS: address.optional().describe('the FanzCollectibles contract'),
  COLLECTIBLES_MINTER_PRIVATE_KEY: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-prefixed 32-byte hex key').transform((s) => s as Hex)
    .optional().describe('secret: the hot key holding MINTER_ROLE; nothing else may send from it (its nonces are journalled)'),
  COLLECTIBLES_CONFIRMATIONS: z.coerce.number().int().min(1).max(64).default(2).describe('blocks, its own included, before a mint counts'),
  COLLECTIBLES_STUCK_AFTER_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60)
    .describe('a transaction not mined after this long is replaced at a higher fee'),
  COLLECTIBLES_MAX_FEE_GWEI: z.coerce.number().positive().max(100_000).default(500).describe('no transaction pays more than this per gas; one stuck at it waits'),
})
export type CollectiblesEnv = z.output<typeof collectiblesEnvSchema> & { CRYPTO_RPC_URL?: string | undefined }

export type CollectiblesWiring = { db: Db; storage: StorageClient; search: SearchClient; pii: KeyCipher; publicUrl: string; chargebackWindowDays: number }

/** The collectible activities when the chain, contract and minter key are configured; null otherwise. */
export function collectibleActivitiesFromEnv(env: CollectiblesEnv, w: CollectiblesWiring) {
  const rpcUrl = env.COLLECTIBLES_RPC_URL ?? env.CRYPTO_RPC_URL
  if (!rpcUrl || !env.COLLECTIBLES_CONTRACT_ADDRESS || !env.COLLECTIBLES_MINTER_PRIVATE_KEY) return null
  const chain = lazyChain(rpcUrl)
  const journalFor = (signer: LocalAccount) => createTxJournal({ db: w.db, chain, signer, confirmations: env.COLLECTIBLES_CONFIRMATIONS,
    stuckAfterMs: env.COLLECTIBLES_STUCK_AFTER_SECONDS * 1000, maxFeePerGas: BigInt(Math.round(env.COLLECTIBLES_MAX_FEE_GWEI * 1e9)), beat: heartbeat })
  const journal = journalFor(privateKeyToAccount(env.COLLECTIBLES_MINTER_PRIVATE_KEY))
  return createCollectibleActivities({ db: w.db, storage: w.storage, search: w.search, wallets: createCustodialWallets({ db: w.db, pii: w.pii }), journal, journalFor, chain,
    contract: env.COLLECTIBLES_CONTRACT_ADDRESS, confirmations: env.COLLECTIBLES_CONFIRMATIONS, publicUrl: w.publicUrl, chargebackWindowDays: w.chargebackWindowDays })
}
