/** Chain transaction journal read model (GET /api/chain-transactions, /api/chain-transactions/:id); fees in wei as decimal strings. */

export const CHAIN_TX_STATUS = { signed: 'SIGNED', sent: 'SENT', confirmed: 'CONFIRMED', reverted: 'REVERTED' } as const
export type ChainTxStatus = (typeof CHAIN_TX_STATUS)[keyof typeof CHAIN_TX_STATUS]

export const CHAIN_TX_PURPOSE = { createEdition: 'createEdition', mint: 'mint', hideEdition: 'hideEdition' } as const
export type ChainTxPurpose = (typeof CHAIN_TX_PURPOSE)[keyof typeof CHAIN_TX_PURPOSE]

/** One signed version of the transaction: a fee bump signs the same nonce again with higher fees (a new hash). */
export type ChainTxAttempt = { hash: string; maxFeePerGas: string; maxPriorityFeePerGas: string; signedAt: string; sentAt: string | null }

export type ChainTx = {
  id: string
  /** the idempotency key the workflow built from business ids */
  key: string
  purpose: ChainTxPurpose
  status: ChainTxStatus
  fromAddress: string
  toAddress: string
  nonce: number
  minedHash: string | null
  blockNumber: number | null
  gasUsed: string | null
  attempts: ChainTxAttempt[]
  workflowId: string | null
  createdAt: string
  updatedAt: string
}
