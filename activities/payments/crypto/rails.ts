/** The chain side of the crypto driver: router records, signed payment orders relayed by the treasury, refunds. */
import { maxUint256, zeroAddress, type Address, type Hash, type Hex, type LocalAccount, type PrivateKeyAccount } from 'viem'
import { paymentRouterAbi, stablecoinAbi } from '../../chain/abis.ts'
import type { ChainClients } from '../../chain/clients.ts'
import { confirmedBlockNumber, readWhenConfirmed, waitForConfirmations, type DepthOptions } from '../../chain/confirmations.ts'
import { routerCallAbi } from '../../chain/reverts.ts'
import { createSendQueue } from '../../chain/send-queue.ts'
import { NO_PERMIT, signPaymentOrder, signPermit } from '../../chain/signatures.ts'

export type RailsConfig = {
  chain: () => Promise<ChainClients>
  token: Address
  router: Address
  /** payee of every charge, relayer that pays the gas, sender of refunds */
  treasury: PrivateKeyAccount
  depth: DepthOptions
  orderTtlSeconds: number
}

export type PaymentRecord = { payer: Address; payee: Address; token: Address; amount: bigint; refunded: bigint; blockNumber: bigint }
export type RefundRecord = { paymentId: Hex; amount: bigint; blockNumber: bigint }

/** Reads and sends of the crypto driver, bound to one token, router and treasury. */
export function createRails(config: RailsConfig) {
  const { token, router, treasury } = config
  let tokenInfo: Promise<{ decimals: number; name: string; version: string }> | undefined
  const fromTreasury = createSendQueue()
  const read = async () => (await config.chain()).public

  async function readTokenInfo() {
    const client = await read()
    const [decimals, domain] = await Promise.all([
      client.readContract({ address: token, abi: stablecoinAbi, functionName: 'decimals' }),
      client.readContract({ address: token, abi: stablecoinAbi, functionName: 'eip712Domain' }),
    ])
    return { decimals, name: domain[1], version: domain[2] }
  }

  const rails = {
    treasury: treasury.address,
    /** decimals and EIP-712 domain of the stablecoin, read once (retried after a failed read) */
    token() {
      tokenInfo ??= readTokenInfo().catch((err: unknown) => {
        tokenInfo = undefined
        throw err
      })
      return tokenInfo
    },
    async balanceOf(holder: Address): Promise<bigint> {
      return (await read()).readContract({ address: token, abi: stablecoinAbi, functionName: 'balanceOf', args: [holder] })
    },
    /** The router's record of a payment in the state of `blockNumber` (default: latest), or null. */
    async paymentRecord(paymentId: Hex, blockNumber?: bigint): Promise<PaymentRecord | null> {
      const [payer, recordBlock, payee, refunded, recordToken, amount] = await (await read()).readContract({
        address: router, abi: paymentRouterAbi, functionName: 'payments', args: [paymentId], blockNumber })
      return payer === zeroAddress ? null : { payer, payee, token: recordToken, amount, refunded, blockNumber: recordBlock }
    },
    /** The router's record of a refund in the state of `blockNumber` (default: latest), or null. */
    async refundRecord(refundId: Hex, blockNumber?: bigint): Promise<RefundRecord | null> {
      const [paymentId, amount, recordBlock] = await (await read()).readContract({
        address: router, abi: paymentRouterAbi, functionName: 'refunds', args: [refundId], blockNumber })
      return recordBlock === 0n ? null : { paymentId, amount, blockNumber: recordBlock }
    },
    async blockTime(blockNumber: bigint): Promise<string> {
      const block = await (await read()).getBlock({ blockNumber })
      return new Date(Number(block.timestamp) * 1000).toISOString()
    },
    /** The payer signs the order and a permit; the treasury sends them (and pays the gas). */
    async relayPayment(payer: LocalAccount, paymentId: Hex, amount: bigint): Promise<Hash> {
      const clients = await config.chain()
      const chainId = clients.chain.id
      const deadline = BigInt(Math.floor(Date.now() / 1000) + config.orderTtlSeconds)
      const order = { paymentId, token, payer: payer.address, payee: treasury.address, amount, deadline }
      const signature = await signPaymentOrder(payer, { chainId, router }, order)
      // the permit for exactly this payment spares the fan an approve transaction (and holding ETH for its gas)
      const { name, version } = await rails.token()
      const nonce = await clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'nonces', args: [payer.address] })
      const permit = await signPermit(payer, { token: { address: token, name, version, chainId }, spender: router, value: amount, nonce, deadline })
      return fromTreasury(() => clients.wallet(treasury).writeContract({ address: router, abi: routerCallAbi, functionName: 'pay',
        args: [order, signature, permit] }))
    },
    /**
     * The treasury pays `payee` from its own balance (a creator payout): it signs its own order, and the router spends
     * the allowance allowRefunds gave it; a permit would overwrite that allowance with this one amount.
     */
    async payFromTreasury(paymentId: Hex, payee: Address, amount: bigint): Promise<Hash> {
      const clients = await config.chain()
      const deadline = BigInt(Math.floor(Date.now() / 1000) + config.orderTtlSeconds)
      const order = { paymentId, token, payer: treasury.address, payee, amount, deadline }
      const signature = await signPaymentOrder(treasury, { chainId: clients.chain.id, router }, order)
      return fromTreasury(() => clients.wallet(treasury).writeContract({ address: router, abi: routerCallAbi, functionName: 'pay',
        args: [order, signature, NO_PERMIT] }))
    },
    /**
     * Lets the router take refunds and payouts from the treasury; approved once, without limit (the router moves the
     * treasury's tokens only for refunds of recorded payments the treasury sends, and orders the treasury signed).
     */
    async allowRefunds(amount: bigint): Promise<void> {
      const clients = await config.chain()
      const allowance = await clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'allowance', args: [treasury.address, router] })
      if (allowance >= amount) return
      const hash = await fromTreasury(() => clients.wallet(treasury).writeContract({ address: token, abi: stablecoinAbi, functionName: 'approve',
        args: [router, maxUint256] }))
      const receipt = await waitForConfirmations(clients.public, hash, { ...config.depth, confirmations: 1 })
      if (receipt.status !== 'success') throw new Error(`the treasury's approval of the payment router reverted (${hash})`)
    },
    async sendRefund(paymentId: Hex, refundId: Hex, amount: bigint): Promise<Hash> {
      const clients = await config.chain()
      return fromTreasury(() => clients.wallet(treasury).writeContract({ address: router, abi: routerCallAbi, functionName: 'refund',
        args: [paymentId, refundId, amount] }))
    },
    /** The receipt once the transaction is as deep as configured (reverted ones too). */
    async confirmed(hash: Hash) {
      return waitForConfirmations(await read(), hash, config.depth)
    },
    /** A record once it is as deep as configured; null when it is not on the chain (unless it may be pending). */
    async whenConfirmed<T>(readRecord: (blockNumber?: bigint) => Promise<T | null>, mayBePending = false): Promise<T | null> {
      return readWhenConfirmed(await read(), readRecord, { ...config.depth, mayBePending })
    },
    async confirmedBlock(): Promise<bigint> {
      return confirmedBlockNumber(await read(), config.depth.confirmations)
    },
  }
  return rails
}
export type Rails = ReturnType<typeof createRails>
