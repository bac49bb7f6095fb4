/** Test fixture: a private anvil with the payment contracts, a funded custody, and drivers pointed at it. */
import { getAddress, type Address, type Hash } from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { ANVIL_DEV_MNEMONIC, LOCAL_CUSTODY_MNEMONIC, anvilDevKey, startAnvil } from '../../chain/anvil-process.ts'
import { connectChain, type ChainClients } from '../../chain/clients.ts'
import { createMnemonicCustody } from '../../chain/custody.ts'
import { setupLocalPayments, topUpFanzUsd } from '../../chain/local-setup.ts'
import { stablecoinAbi } from '../../chain/abis.ts'
import type { ChargeRequest } from '../driver.ts'
import { paymentIdFor, toTokenUnits } from './amounts.ts'
import { createCryptoDriver, type CryptoDriverConfig } from './driver.ts'
import { createRails } from './rails.ts'


/** Starts anvil, deploys, and returns helpers; call stop() after the tests. */
export async function startCryptoFixture(options: { blockTimeSeconds?: number } = {}) {
  const node = await startAnvil({ blockTimeSeconds: options.blockTimeSeconds ?? 0.25 })
  const clients: ChainClients = await connectChain(node.rpcUrl, { pollingIntervalMs: 25 })
  const deployer = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0 })
  const { token, router } = await setupLocalPayments(clients, deployer)
  const custody = createMnemonicCustody(LOCAL_CUSTODY_MNEMONIC)
  const treasuryPrivateKey = anvilDevKey(1)
  const treasury = getAddress(privateKeyToAccount(treasuryPrivateKey).address)
  const balanceOf = (holder: Address) => clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'balanceOf', args: [holder] })
  const walletOf = async (fanId: string) => (await custody.accountFor(fanId)).address
  const config = (overrides: Partial<CryptoDriverConfig> = {}): CryptoDriverConfig => ({ rpcUrl: node.rpcUrl, tokenAddress: token,
    routerAddress: router, treasuryPrivateKey, custody, confirmations: 2, pollingIntervalMs: 25, ...overrides })
  // the driver's own sending path, for simulating an attempt that crashed right after sending
  const rails = createRails({ chain: async () => clients, token, router, treasury: privateKeyToAccount(treasuryPrivateKey),
    depth: { confirmations: 2, timeoutMs: 10_000, pollingIntervalMs: 25 }, orderTtlSeconds: 3600 })
  let fans = 0

  return {
    clients, token, router, treasury, config,
    driver: (overrides: Partial<CryptoDriverConfig> = {}) => createCryptoDriver(config(overrides)),
    /** A fan of its own for each test, holding `units` of FanzUSD (6 decimals) and no ETH. */
    async newFan(units: bigint): Promise<string> {
      const fanId = `fan-${++fans}-${Date.now()}`
      if (units > 0n) await topUpFanzUsd(clients, deployer, token, await walletOf(fanId), units)
      return fanId
    },
    balanceOf,
    walletOf,
    fanBalance: async (fanId: string) => balanceOf(await walletOf(fanId)),
    /** transactions the treasury has sent, pending ones included: the proof that nothing was sent */
    treasuryNonce: () => clients.public.getTransactionCount({ address: treasury, blockTag: 'pending' }),
    chargeRequest: (fanId: string, over: Partial<ChargeRequest> = {}): ChargeRequest => ({
      idempotencyKey: `ppv:${fanId}:post-1:charge`, paymentToken: fanId, amount: 999, currency: 'USD', description: 'PPV post',
      reference: { workflowId: `ppv:${fanId}:post-1`, fanId }, ...over }),
    /** What a first attempt of `request` sends before it crashes: the payment transaction, never waited for. */
    async sendAndCrash(request: ChargeRequest): Promise<Hash> {
      const amount = toTokenUnits(request.amount, request.currency, 6)
      return rails.relayPayment(await custody.accountFor(request.paymentToken), paymentIdFor(request.idempotencyKey), amount)
    },
    stop: () => node.stop(),
  }
}
export type CryptoFixture = Awaited<ReturnType<typeof startCryptoFixture>>
