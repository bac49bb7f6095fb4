/** viem clients for one JSON-RPC endpoint. Reads are never cached: confirmations are counted from them. */
import { createPublicClient, createWalletClient, defineChain, http, type Account, type Chain, type PublicClient,
  type Transport, type WalletClient } from 'viem'

export type ChainClients = {
  chain: Chain
  public: PublicClient<Transport, Chain>
  /** a client that signs and sends as `account` (a local key: nothing is signed by the node) */
  wallet: (account: Account) => WalletClient<Transport, Chain, Account>
  pollingIntervalMs: number
}

export type ChainOptions = {
  /** how often receipts and block numbers are polled; a quarter of the block time is plenty */
  pollingIntervalMs?: number
}

/** Asks the node which chain it serves, so transactions and signatures carry the right chain id. */
export async function connectChain(rpcUrl: string, options: ChainOptions = {}): Promise<ChainClients> {
  const pollingIntervalMs = options.pollingIntervalMs ?? 250
  const transport = http(rpcUrl, { retryCount: 2, timeout: 10_000 })
  const probe = createPublicClient({ transport })
  const id = await probe.getChainId()
  const chain = defineChain({ id, name: `chain ${id}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } } })
  const common = { chain, transport, pollingInterval: pollingIntervalMs, cacheTime: 0 }
  return {
    chain,
    public: createPublicClient(common),
    wallet: (account) => createWalletClient({ ...common, account }),
    pollingIntervalMs,
  }
}

/** A connection made on first use and kept; a failed attempt is forgotten, so the next call tries again. */
export function lazyChain(rpcUrl: string, options: ChainOptions = {}): () => Promise<ChainClients> {
  let pending: Promise<ChainClients> | undefined
  return () => {
    pending ??= connectChain(rpcUrl, options).catch((err: unknown) => {
      pending = undefined
      throw err
    })
    return pending
  }
}
