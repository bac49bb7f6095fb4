/** The stack's local EVM chain: anvil as a supervised service, the payment contracts on it, demo wallets funded. */
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import type { Address, Hex } from 'viem'
import { createNonceManager, jsonRpc } from 'viem/nonce'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { ANVIL_BIN, ANVIL_DEV_MNEMONIC, LOCAL_CUSTODY_MNEMONIC, anvilDevKey } from '../../activities/chain/anvil-process.ts'
import { connectChain } from '../../activities/chain/clients.ts'
import { createMnemonicCustody } from '../../activities/chain/custody.ts'
import { setupLocalCollectibles, setupLocalPayments, topUpFanzUsd } from '../../activities/chain/local-setup.ts'
import { DEMO_USERS } from '../../prisma/demo-users.ts'
import { localDir, type Profile } from './paths.ts'
import type { ServiceSpec } from './supervisor.ts'

/** JSON-RPC ports per profile, beside the other services' (8545 is every EVM tool's default). */
export const ANVIL_PORTS = { dev: 8545, test: 8645 } as const

/** How the local chain runs and what the demo gets. */
export const LOCAL_CHAIN = {
  chainId: 31337,
  /** interval mining, so confirmations come by themselves as on a real chain */
  blockTimeSeconds: 1,
  confirmations: 2,
  /** FanzUSD each demo fan holds after every start: 1,000.00 */
  demoFanUnits: 1_000_000_000n,
  /** FanzUSD the treasury holds after every start for stablecoin payouts to creators: 100,000.00 */
  treasuryPayoutUnits: 100_000_000_000n,
} as const

/** Everything the API and workers need to take crypto payments (see paymentEnvSchema). */
export type CryptoEnv = {
  CRYPTO_RPC_URL: string
  CRYPTO_TOKEN_ADDRESS: Address
  CRYPTO_ROUTER_ADDRESS: Address
  CRYPTO_TREASURY_PRIVATE_KEY: Hex
  CRYPTO_CUSTODY_MNEMONIC: string
  CRYPTO_CONFIRMATIONS: string
  COLLECTIBLES_CONTRACT_ADDRESS: Address
  COLLECTIBLES_MINTER_PRIVATE_KEY: Hex
  COLLECTIBLES_CONFIRMATIONS: string
}

/** anvil's account 2: the collectibles minter (10,000 ETH of gas); a dev key, public, never for a real chain. */
export const COLLECTIBLES_MINTER_KEY = anvilDevKey(2)

/** The JSON-RPC URL of the stack's anvil on `port`. */
export const anvilRpcUrl = (port: number) => `http://127.0.0.1:${port}`

async function chainIdAt(rpcUrl: string): Promise<number> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] })
  const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(2000) })
  return Number(((await res.json()) as { result?: string }).result)
}

/**
 * anvil on 127.0.0.1. The dev chain keeps its state in .local/dev/anvil (dumped on exit and every 10 s), so contracts
 * and balances survive a restart; the test chain, and a `fresh` dev start, begin from genesis.
 */
export async function anvilSpec(options: { profile: Profile; port?: number; fresh?: boolean }): Promise<ServiceSpec> {
  const port = options.port ?? ANVIL_PORTS[options.profile]
  const state = path.join(localDir(options.profile), 'anvil', 'state.json')
  const persist = options.profile === 'dev'
  if (options.fresh || !persist) await rm(state, { force: true })
  if (persist) await mkdir(path.dirname(state), { recursive: true })
  return {
    name: 'anvil',
    ports: [{ port, what: 'anvil JSON-RPC' }],
    command: [ANVIL_BIN, '--host', '127.0.0.1', '--port', String(port), '--chain-id', String(LOCAL_CHAIN.chainId),
      '--block-time', String(LOCAL_CHAIN.blockTimeSeconds), '--mnemonic', ANVIL_DEV_MNEMONIC,
      ...(persist ? ['--state', state, '--state-interval', '10'] : [])],
    healthy: async () => (await chainIdAt(anvilRpcUrl(port))) === LOCAL_CHAIN.chainId,
  }
}

/** Deploys (or finds) FanzUSD and the payment router; returns the platform's crypto settings for this chain. */
export async function deployChainContracts(rpcUrl: string): Promise<CryptoEnv> {
  const clients = await connectChain(rpcUrl)
  const deployer = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0 })
  const { token, router } = await setupLocalPayments(clients, deployer)
  // the treasury pays creators who take stablecoin payouts: a float of test money, topped up on every start
  await topUpFanzUsd(clients, deployer, token, privateKeyToAccount(anvilDevKey(1)).address, LOCAL_CHAIN.treasuryPayoutUnits)
  // collectibles are minted by anvil's account 2 alone: the journal owns its nonces
  const collectibles = await setupLocalCollectibles(clients, deployer, privateKeyToAccount(COLLECTIBLES_MINTER_KEY).address)
  return {
    CRYPTO_RPC_URL: rpcUrl,
    CRYPTO_TOKEN_ADDRESS: token,
    CRYPTO_ROUTER_ADDRESS: router,
    // anvil's account 1: receives payments, pays the relaying gas (it starts with 10,000 ETH), sends refunds
    CRYPTO_TREASURY_PRIVATE_KEY: anvilDevKey(1),
    CRYPTO_CUSTODY_MNEMONIC: LOCAL_CUSTODY_MNEMONIC,
    CRYPTO_CONFIRMATIONS: String(LOCAL_CHAIN.confirmations),
    COLLECTIBLES_CONTRACT_ADDRESS: collectibles,
    COLLECTIBLES_MINTER_PRIVATE_KEY: COLLECTIBLES_MINTER_KEY,
    COLLECTIBLES_CONFIRMATIONS: String(LOCAL_CHAIN.confirmations),
  }
}

/**
 * Tops the custodial wallets of these owners (demo fans' person ids) up to 1,000.00 FanzUSD. They need no ETH:
 * the treasury relays their signed payments and pays the gas.
 */
export async function fundDemoWallets(env: CryptoEnv, ownerIds: readonly string[]): Promise<void> {
  const clients = await connectChain(env.CRYPTO_RPC_URL)
  // a nonce manager of this call only (a shared one would remember nonces of an earlier chain): the mints go out
  // together and share the wait for a block
  const minter = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0, nonceManager: createNonceManager({ source: jsonRpc() }) })
  const custody = createMnemonicCustody(env.CRYPTO_CUSTODY_MNEMONIC)
  await Promise.all(ownerIds.map(async (ownerId) =>
    topUpFanzUsd(clients, minter, env.CRYPTO_TOKEN_ADDRESS, (await custody.accountFor(ownerId)).address, LOCAL_CHAIN.demoFanUnits)))
}

/** Funds the custodial wallets of the seeded demo users who have a fan persona (run after the seed). */
export async function fundDemoFans(env: CryptoEnv & { DATABASE_URL: string }): Promise<void> {
  const emails = DEMO_USERS.filter((u) => u.personas.some((p) => p.kind === 'fan')).map((u) => u.email)
  const client = new pg.Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM people WHERE email = ANY($1::text[]) ORDER BY email', [emails])
    await fundDemoWallets(env, rows.map((r) => r.id))
  } finally {
    await client.end()
  }
}
