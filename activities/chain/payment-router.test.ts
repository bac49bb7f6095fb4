import assert from 'node:assert/strict'
import { keccak256, maxUint256, stringToHex, type Address, type Hex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { stablecoinAbi } from './abis.ts'
import { ANVIL_DEV_MNEMONIC, startAnvil, type AnvilProcess } from './anvil-process.ts'
import { connectChain, type ChainClients } from './clients.ts'
import { waitForConfirmations } from './confirmations.ts'
import { setupLocalPayments, topUpFanzUsd } from './local-setup.ts'
import { revertName, routerCallAbi } from './reverts.ts'
import { NO_PERMIT, signPaymentOrder, signPermit, type PaymentOrder } from './signatures.ts'

const account = (addressIndex: number) => mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex })

describe('PaymentRouter contract', function () {
  this.timeout(30_000)
  let node: AnvilProcess
  let clients: ChainClients
  let token: Address
  let router: Address
  const [deployer, payer, payee, relayer, thief] = [account(0), account(3), account(4), account(5), account(6)]
  let ids = 0

  before(async () => {
    node = await startAnvil({ blockTimeSeconds: 0.2 })
    clients = await connectChain(node.rpcUrl, { pollingIntervalMs: 25 })
    ;({ token, router } = await setupLocalPayments(clients, deployer))
    await topUpFanzUsd(clients, deployer, token, payer.address, 100_000_000n)
  })
  after(() => node.stop())

  const newOrder = (amount = 1_000_000n): PaymentOrder => ({ paymentId: keccak256(stringToHex(`order-${++ids}`)), token,
    payer: payer.address, payee: payee.address, amount, deadline: BigInt(Math.floor(Date.now() / 1000) + 600) })
  async function permitFor(order: PaymentOrder) {
    const nonce = await clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'nonces', args: [payer.address] })
    return signPermit(payer, { token: { address: token, name: 'Fanz USD', version: '1', chainId: clients.chain.id }, spender: router,
      value: order.amount, nonce, deadline: order.deadline })
  }
  const sign = (order: PaymentOrder) => signPaymentOrder(payer, { chainId: clients.chain.id, router }, order)
  const mined = (hash: Hex) => waitForConfirmations(clients.public, hash, { confirmations: 1, timeoutMs: 10_000, pollingIntervalMs: 25 })
  async function send(from: typeof relayer, functionName: 'pay' | 'refund', args: readonly unknown[]): Promise<string | undefined> {
    try {
      const hash = await clients.wallet(from).writeContract({ address: router, abi: routerCallAbi, functionName, args } as never)
      return (await mined(hash)).status
    } catch (err) {
      return revertName(err) ?? String(err)
    }
  }
  async function paid(order = newOrder()): Promise<PaymentOrder> {
    assert.equal(await send(relayer, 'pay', [order, await sign(order), await permitFor(order)]), 'success')
    return order
  }

  it('moves exactly the signed amount from payer to payee; anyone may relay it', async () => {
    const before = await clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'balanceOf', args: [payee.address] })
    await paid(newOrder(2_500_000n))
    const after = await clients.public.readContract({ address: token, abi: stablecoinAbi, functionName: 'balanceOf', args: [payee.address] })
    assert.equal(after - before, 2_500_000n)
  })

  it('refuses a second payment with the same id, even with a fresh valid signature', async () => {
    const order = await paid()
    assert.equal(await send(relayer, 'pay', [order, await sign(order), await permitFor(order)]), 'PaymentExists')
  })

  const tampered: [string, (o: PaymentOrder) => PaymentOrder][] = [
    ['another payee', (o) => ({ ...o, payee: thief.address })],
    ['a larger amount', (o) => ({ ...o, amount: o.amount * 10n })],
    ['another payer', (o) => ({ ...o, payer: deployer.address })],
  ]
  for (const [label, tamper] of tampered) {
    it(`refuses a relayed order changed to ${label}`, async () => {
      const order = newOrder()
      assert.equal(await send(relayer, 'pay', [tamper(order), await sign(order), await permitFor(order)]), 'InvalidSignature')
    })
  }

  it('refuses an amount its record cannot hold (over 2^96 - 1 base units)', async () => {
    const order = newOrder(2n ** 96n)
    assert.equal(await send(relayer, 'pay', [order, await sign(order), await permitFor(order)]), 'SafeCastOverflowedUintDowncast')
  })

  it('refuses an expired order', async () => {
    const order = { ...newOrder(), deadline: 1n }
    assert.equal(await send(relayer, 'pay', [order, await sign(order), await permitFor(order)]), 'OrderExpired')
  })

  it('still pays when someone submitted the permit to the token first (mempool front-running)', async () => {
    const order = newOrder()
    const permit = await permitFor(order)
    await mined(await clients.wallet(thief).writeContract({ address: token, abi: stablecoinAbi, functionName: 'permit',
      args: [payer.address, router, order.amount, order.deadline, permit.v, permit.r, permit.s] }))
    assert.equal(await send(relayer, 'pay', [order, await sign(order), permit]), 'success')
  })

  it('needs no permit from a payer who approved the router beforehand, and fails without either', async () => {
    const unapproved = newOrder()
    assert.equal(await send(relayer, 'pay', [unapproved, await sign(unapproved), NO_PERMIT]), 'ERC20InsufficientAllowance')
    await mined(await clients.wallet(payer).writeContract({ address: token, abi: stablecoinAbi, functionName: 'approve', args: [router, 1_000_000n] }))
    const order = newOrder()
    assert.equal(await send(relayer, 'pay', [order, await sign(order), NO_PERMIT]), 'success')
  })

  it('refunds only by the payee, once per refund id, never beyond the payment', async () => {
    const order = await paid(newOrder(3_000_000n))
    const refundId = (n: number): Hex => keccak256(stringToHex(`${order.paymentId}-refund-${n}`))
    assert.equal(await send(thief, 'refund', [order.paymentId, refundId(1), 1n]), 'NotPayee')
    await mined(await clients.wallet(payee).writeContract({ address: token, abi: stablecoinAbi, functionName: 'approve', args: [router, maxUint256] }))
    assert.equal(await send(payee, 'refund', [order.paymentId, refundId(1), 2_000_000n]), 'success')
    assert.equal(await send(payee, 'refund', [order.paymentId, refundId(1), 1n]), 'RefundExists')
    assert.equal(await send(payee, 'refund', [order.paymentId, refundId(2), 1_000_001n]), 'RefundExceedsPayment')
    assert.equal(await send(payee, 'refund', [order.paymentId, refundId(3), 1_000_000n]), 'success')
    assert.equal(await send(payee, 'refund', [keccak256(stringToHex('no such payment')), refundId(4), 1n]), 'UnknownPayment')
  })
})
