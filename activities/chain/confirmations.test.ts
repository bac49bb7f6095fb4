import assert from 'node:assert/strict'
import type { Chain, Hash, PublicClient, TransactionReceipt, Transport } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { ANVIL_DEV_MNEMONIC, startAnvil, type AnvilProcess } from './anvil-process.ts'
import { connectChain, type ChainClients } from './clients.ts'
import { ConfirmationTimeout, readWhenConfirmed, waitForConfirmations } from './confirmations.ts'

const BURN = '0x000000000000000000000000000000000000dEaD'

describe('confirmations', function () {
  this.timeout(30_000)
  let node: AnvilProcess
  let clients: ChainClients
  const sender = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 2 })
  const send = () => clients.wallet(sender).sendTransaction({ to: BURN, value: 1n })
  const depth = (confirmations: number, timeoutMs = 10_000) => ({ confirmations, timeoutMs, pollingIntervalMs: 25 })

  before(async () => {
    node = await startAnvil({ blockTimeSeconds: 0.3 })
    clients = await connectChain(node.rpcUrl, { pollingIntervalMs: 25 })
  })
  after(() => node.stop())

  for (const confirmations of [1, 3]) {
    it(`returns the receipt once it is ${confirmations} block(s) deep, not before`, async () => {
      const receipt = await waitForConfirmations(clients.public, await send(), depth(confirmations))
      const head = await clients.public.getBlockNumber()
      assert.equal(receipt.status, 'success')
      assert.ok(head - receipt.blockNumber + 1n >= BigInt(confirmations), `head ${head}, mined in ${receipt.blockNumber}`)
      assert.ok(head - receipt.blockNumber + 1n <= BigInt(confirmations) + 3n, 'and returns without lingering')
    })
  }

  it('never confirms a transaction a reorg removed', async () => {
    const hash = await send()
    const waiting = waitForConfirmations(clients.public, hash, depth(5, 2_500))
    const mined = await clients.public.waitForTransactionReceipt({ hash, pollingInterval: 10 })
    const head = await clients.public.getBlockNumber()
    await clients.public.request({ method: 'anvil_reorg', params: [Number(head - mined.blockNumber) + 1, []] } as never)
    await assert.rejects(waiting, ConfirmationTimeout)
  })

  it('never returns a receipt whose block hash is no longer the canonical one at that height', async () => {
    const stale = { blockNumber: 10n, blockHash: `0x${'aa'.repeat(32)}`, status: 'success' } as TransactionReceipt
    const node = {
      getTransactionReceipt: async () => stale,
      getBlockNumber: async () => 20n,
      getBlock: async () => ({ hash: `0x${'bb'.repeat(32)}` }),
    } as unknown as PublicClient<Transport, Chain>
    await assert.rejects(waitForConfirmations(node, `0x${'cc'.repeat(32)}` as Hash, depth(3, 200)), ConfirmationTimeout)
  })

  /** A stand-in for a contract record written in block `from`: present in every state from that block on. */
  const recordFrom = (from: bigint) => async (at: bigint | undefined) => {
    const block = at ?? (await clients.public.getBlockNumber())
    return block >= from ? block : null
  }

  it('reads a record only from a state that is deep enough', async () => {
    const minedIn = (await clients.public.waitForTransactionReceipt({ hash: await send(), pollingInterval: 10 })).blockNumber
    const readAt = await readWhenConfirmed(clients.public, recordFrom(minedIn), depth(3))
    const head = await clients.public.getBlockNumber()
    assert.ok(readAt !== null && readAt >= minedIn && head - readAt + 1n >= 3n, `read at ${readAt}, head ${head}`)
  })

  it('gives up on a record missing from the latest state, unless it may still be pending', async () => {
    const future = (await clients.public.getBlockNumber()) + 2n
    assert.equal(await readWhenConfirmed(clients.public, recordFrom(future), depth(2)), null)
    const readAt = await readWhenConfirmed(clients.public, recordFrom(future), { ...depth(2), mayBePending: true })
    assert.ok(readAt !== null && readAt >= future)
    await assert.rejects(readWhenConfirmed(clients.public, async () => null, { ...depth(2, 300), mayBePending: true }), ConfirmationTimeout)
  })
})
