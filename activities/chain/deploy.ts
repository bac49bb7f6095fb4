/** Idempotent contract deployment: CREATE2 through the standard deployer, so an address depends only on the code. */
import { concat, encodeDeployData, getContractAddress, keccak256, stringToHex, type Account, type Address, type Hex } from 'viem'
import type { ChainClients } from './clients.ts'
import { CONTRACTS, type Artifact, type Artifacts } from './compile.ts'
import { waitForConfirmations } from './confirmations.ts'

/**
 * Arachnid's deterministic deployment proxy: predeployed by anvil and present on most public chains.
 * With it an address depends on bytecode, constructor arguments and salt, not on the deployer's nonce,
 * so a restarted deploy (or one after other transactions) finds what it deployed before.
 */
export const CREATE2_DEPLOYER: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C'
/** One fixed salt: a new version of a contract gets a new address because its bytecode differs. */
export const DEPLOY_SALT: Hex = keccak256(stringToHex('fanz-unified'))

export type Deployed = { address: Address; deployed: boolean }

const hasCode = async (clients: ChainClients, address: Address) => ((await clients.public.getCode({ address })) ?? '0x') !== '0x'

/** Where `artifact` with these constructor arguments lives (or will live) on any chain with the deployer. */
export function deterministicAddress(artifact: Artifact, args: readonly unknown[] = []): Address {
  const initCode = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args })
  return getContractAddress({ opcode: 'CREATE2', from: CREATE2_DEPLOYER, salt: DEPLOY_SALT, bytecode: initCode })
}

/** Deploys unless code is already at the deterministic address; `deployed` says which happened. */
export async function deployDeterministic(clients: ChainClients, deployer: Account, artifact: Artifact,
  args: readonly unknown[] = []): Promise<Deployed> {
  const address = deterministicAddress(artifact, args)
  if (await hasCode(clients, address)) return { address, deployed: false }
  if (!(await hasCode(clients, CREATE2_DEPLOYER))) {
    throw new Error(`chain ${clients.chain.id} has no CREATE2 deployer at ${CREATE2_DEPLOYER}; see github.com/Arachnid/deterministic-deployment-proxy`)
  }
  const initCode = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args })
  const hash = await clients.wallet(deployer).sendTransaction({ to: CREATE2_DEPLOYER, data: concat([DEPLOY_SALT, initCode]) })
  await waitForConfirmations(clients.public, hash, { confirmations: 1, timeoutMs: 30_000, pollingIntervalMs: clients.pollingIntervalMs })
  // a concurrent deploy of the same code makes ours revert, which is fine: the code is there either way
  if (!(await hasCode(clients, address))) throw new Error(`deployment transaction ${hash} left no code at ${address}`)
  return { address, deployed: true }
}

/** The payment router (the same on every chain); plus, on local chains, the FanzUSD test stablecoin owned by `tokenOwner`. */
export async function deployPaymentContracts(clients: ChainClients, deployer: Account, artifacts: Artifacts,
  options: { tokenOwner?: Address } = {}): Promise<{ router: Deployed; token: Deployed | null }> {
  const router = await deployDeterministic(clients, deployer, artifacts[CONTRACTS.paymentRouter])
  const token = options.tokenOwner
    ? await deployDeterministic(clients, deployer, artifacts[CONTRACTS.fanzUsd], [options.tokenOwner])
    : null
  return { router, token }
}

export type CollectiblesRoles = {
  /** grants and revokes minters; a cold key or multisig on a real chain */
  admin: Address
  /** the platform's sending key: creates editions, mints, takes down */
  minter: Address
}

/** The collectibles contract with these roles; its address depends on them, so each (admin, minter) pair has its own. */
export function deployCollectibles(clients: ChainClients, deployer: Account, artifacts: Artifacts, roles: CollectiblesRoles): Promise<Deployed> {
  return deployDeterministic(clients, deployer, artifacts[CONTRACTS.collectibles], [roles.admin, roles.minter])
}
