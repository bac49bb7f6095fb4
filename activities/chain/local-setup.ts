/** A local chain made ready for payments and collectibles: contracts deployed, test stablecoin minted. Never for a real chain. */
import type { Account, Address } from 'viem'
import { fanzUsdAbi } from './abis.ts'
import type { ChainClients } from './clients.ts'
import { compileContracts } from './compile.ts'
import { waitForConfirmations } from './confirmations.ts'
import { deployCollectibles, deployPaymentContracts } from './deploy.ts'

export type LocalPayments = { token: Address; router: Address; deployedNow: boolean }

/** Deploys (or finds) the payment router and FanzUSD, minted by `deployer`. Safe to run on every start. */
export async function setupLocalPayments(clients: ChainClients, deployer: Account): Promise<LocalPayments> {
  const { router, token } = await deployPaymentContracts(clients, deployer, await compileContracts(), { tokenOwner: deployer.address })
  if (!token) throw new Error('the local setup deploys FanzUSD')
  return { token: token.address, router: router.address, deployedNow: router.deployed || token.deployed }
}

/** Deploys (or finds) the collectibles contract, administered by `deployer`, minting as `minter`; returns its address. */
export async function setupLocalCollectibles(clients: ChainClients, deployer: Account, minter: Address = deployer.address): Promise<Address> {
  const roles = { admin: deployer.address, minter }
  return (await deployCollectibles(clients, deployer, await compileContracts(), roles)).address
}

/** Mints FanzUSD until `holder` has `units` (6 decimals); a restart never inflates balances. Returns what was minted. */
export async function topUpFanzUsd(clients: ChainClients, minter: Account, token: Address, holder: Address, units: bigint): Promise<bigint> {
  const balance = await clients.public.readContract({ address: token, abi: fanzUsdAbi, functionName: 'balanceOf', args: [holder] })
  if (balance >= units) return 0n
  const hash = await clients.wallet(minter).writeContract({ address: token, abi: fanzUsdAbi, functionName: 'mint', args: [holder, units - balance] })
  const receipt = await waitForConfirmations(clients.public, hash, { confirmations: 1, timeoutMs: 30_000, pollingIntervalMs: clients.pollingIntervalMs })
  if (receipt.status !== 'success') throw new Error(`minting FanzUSD to ${holder} reverted (is ${minter.address} the token owner?)`)
  return units - balance
}
