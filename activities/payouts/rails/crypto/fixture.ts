/** Test fixture: a private anvil with the payment contracts, a funded treasury, and crypto rails pointed at it. */
import { createTestClient, getAddress, http, maxUint256, type Address, type Hash, type Hex } from 'viem'
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { stablecoinAbi } from '../../../chain/abis.ts'
import { ANVIL_DEV_MNEMONIC, anvilDevKey, startAnvil } from '../../../chain/anvil-process.ts'
import { connectChain, type ChainClients } from '../../../chain/clients.ts'
import { waitForConfirmations } from '../../../chain/confirmations.ts'
import { setupLocalPayments, topUpFanzUsd } from '../../../chain/local-setup.ts'
import { routerCallAbi } from '../../../chain/reverts.ts'
import { NO_PERMIT, signPaymentOrder } from '../../../chain/signatures.ts'
import { paymentIdFor } from '../../../payments/crypto/amounts.ts'
import type { PayoutRail, PayoutRequest } from '../../rail.ts'
import { createCryptoRail, type CryptoRailConfig } from './driver.ts'

/** Starts anvil, deploys, funds the treasury with `treasuryUnits` of FanzUSD; call stop() after the tests. */
export async function startPayoutFixture(treasuryUnits = 1_000_000_000n) {
  const node = await startAnvil({ blockTimeSeconds: 0.25 })
  const clients: ChainClients = await connectChain(node.rpcUrl, { pollingIntervalMs: 25 })
  const testClient = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(node.rpcUrl) })
  const deployer = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0 })
  const { token, router } = await setupLocalPayments(clients, deployer)
  const treasuryPrivateKey = anvilDevKey(1)
  const treasury = getAddress(privateKeyToAccount(treasuryPrivateKey).address)
  await topUpFanzUsd(clients, deployer, token, treasury, treasuryUnits)
  const balanceOf = (holder: Address) => clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'balanceOf', args: [holder] })
  const mined = (hash: Hash) => waitForConfirmations(clients.public, hash, { confirmations: 1, timeoutMs: 10_000, pollingIntervalMs: 25 })
  const config = (overrides: Partial<CryptoRailConfig> = {}): CryptoRailConfig => ({ rpcUrl: node.rpcUrl, tokenAddress: token,
    routerAddress: router, treasuryPrivateKey, confirmations: 2, confirmationTimeoutMs: 10_000, pollingIntervalMs: 25, ...overrides })
  let keys = 0

  return {
    clients, testClient, token, router, treasury, treasuryPrivateKey, config, balanceOf, mined,
    rail: (overrides: Partial<CryptoRailConfig> = {}) => createCryptoRail(config(overrides)),
    /** A fresh wallet address that nobody has used: a creator's. */
    newCreator: (): Address => privateKeyToAccount(generatePrivateKey()).address,
    /** Another treasury holding `units` of FanzUSD and, unless `eth` is 0, enough ETH for gas. */
    async newTreasury(units: bigint, eth = 10n ** 18n): Promise<Hex> {
      const key = generatePrivateKey()
      const address = privateKeyToAccount(key).address
      if (units > 0n) await topUpFanzUsd(clients, deployer, token, address, units)
      await testClient.setBalance({ address, value: eth })
      return key
    },
    /** transactions `key` has sent, pending ones included: the proof that nothing was sent */
    nonceOf: (key: Hex = treasuryPrivateKey) => clients.public.getTransactionCount({ address: privateKeyToAccount(key).address, blockTag: 'pending' }),
    request: (destination: Address, over: Partial<PayoutRequest> = {}): PayoutRequest => {
      const workflowId = `payout:run-1:creator-${++keys}-${Date.now()}`
      return { idempotencyKey: `${workflowId}:send:crypto`, amount: 12_345, currency: 'USD', destination: { rail: 'crypto', address: destination },
        reference: { workflowId, creatorId: `creator-${keys}`, runId: 'run-1' }, description: 'Fanz creator payout', ...over }
    },
    /**
     * What an attempt of `request` sends before the worker crashes, built here by hand and not by the rail: `payerKey`
     * (default the treasury) approves the router, signs the order and sends pay(), never waiting for it.
     */
    async sendAndCrash(request: PayoutRequest, units: bigint, payerKey: Hex = treasuryPrivateKey): Promise<Hash> {
      const payer = privateKeyToAccount(payerKey)
      const wallet = clients.wallet(payer)
      await mined(await wallet.writeContract({ address: token, abi: stablecoinAbi, functionName: 'approve', args: [router, maxUint256] }))
      if (request.destination.rail !== 'crypto') throw new Error('a crypto payout request')
      const order = { paymentId: paymentIdFor(request.idempotencyKey), token, payer: payer.address, payee: getAddress(request.destination.address),
        amount: units, deadline: BigInt(Math.floor(Date.now() / 1000) + 600) }
      const signature = await signPaymentOrder(payer, { chainId: clients.chain.id, router }, order)
      return wallet.writeContract({ address: router, abi: routerCallAbi, functionName: 'pay', args: [order, signature, NO_PERMIT] })
    },
    stop: () => node.stop(),
  }
}
export type PayoutFixture = Awaited<ReturnType<typeof startPayoutFixture>>

/**
 * In a describe block: one fixture for all its tests, started before them and stopped after, with a minute per test;
 * `use` receives the fixture and its default rail.
 */
export function usePayoutFixture(suite: Mocha.Suite, use: (fixture: PayoutFixture, rail: PayoutRail) => void): void {
  let fixture: PayoutFixture | undefined
  suite.timeout(60_000)
  before(async () => {
    fixture = await startPayoutFixture()
    use(fixture, fixture.rail())
  })
  after(() => fixture?.stop())
}
