/** Waiting for transactions and contract records to be N blocks deep on the canonical chain. */
import { TransactionReceiptNotFoundError, type Chain, type Hash, type PublicClient, type TransactionReceipt, type Transport } from 'viem'

type Client = PublicClient<Transport, Chain>

export type DepthOptions = {
  /** 1 = mined; N = mined and N - 1 blocks built on top */
  confirmations: number
  timeoutMs: number
  pollingIntervalMs: number
}

/** Not yet deep enough when the time ran out: a retry resumes the wait (the chain, not us, holds the state). */
export class ConfirmationTimeout extends Error {
  override name = 'ConfirmationTimeout'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function receiptOrNull(client: Client, hash: Hash): Promise<TransactionReceipt | null> {
  try {
    return await client.getTransactionReceipt({ hash })
  } catch (err) {
    if (err instanceof TransactionReceiptNotFoundError) return null
    throw err
  }
}

/** The newest block that has at least `confirmations` confirmations (the head counts as one). */
export async function confirmedBlockNumber(client: Client, confirmations: number): Promise<bigint> {
  const head = await client.getBlockNumber()
  const depth = BigInt(Math.max(confirmations, 1) - 1)
  return head > depth ? head - depth : 0n
}

/**
 * The receipt once its block is `confirmations` deep and still canonical: a receipt from a block that a reorg
 * replaced is never returned (the transaction may come back in another block; we wait for that one).
 * Reverted transactions are returned too; the caller decides what a revert means.
 */
export async function waitForConfirmations(client: Client, hash: Hash, options: DepthOptions): Promise<TransactionReceipt> {
  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    const receipt = await receiptOrNull(client, hash)
    if (receipt && receipt.blockNumber <= (await confirmedBlockNumber(client, options.confirmations))) {
      const block = await client.getBlock({ blockNumber: receipt.blockNumber })
      if (block.hash === receipt.blockHash) return receipt
    }
    if (Date.now() > deadline) {
      throw new ConfirmationTimeout(`transaction ${hash} has not reached ${options.confirmations} confirmations in ${options.timeoutMs} ms`)
    }
    await sleep(options.pollingIntervalMs)
  }
}

/**
 * Reads a contract record in the state of the newest block with `confirmations` confirmations, waiting until it is
 * there. The node answers a read at a block number from its canonical chain, so whatever is found is as deep as asked.
 * When the record is missing from the latest state too: with `mayBePending` (a pending transaction will write it) we
 * keep waiting; without, null (it is not on the chain: never written, reverted, or dropped by a reorg).
 */
export async function readWhenConfirmed<T>(client: Client, read: (blockNumber: bigint | undefined) => Promise<T | null>,
  options: DepthOptions & { mayBePending?: boolean }): Promise<T | null> {
  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    const found = await read(await confirmedBlockNumber(client, options.confirmations))
    if (found !== null) return found
    if (!options.mayBePending && (await read(undefined)) === null) return null
    if (Date.now() > deadline) throw new ConfirmationTimeout(`record not ${options.confirmations} blocks deep after ${options.timeoutMs} ms`)
    await sleep(options.pollingIntervalMs)
  }
}
