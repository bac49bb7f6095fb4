/** The crypto rail's own codes: `railCode` of failed payouts, and the one permanent error it throws. */
export const CRYPTO_RAIL_CODES = {
  unsupported: 'UNSUPPORTED',
  invalidAddress: 'INVALID_ADDRESS',
  /** the treasury holds too little stablecoin for the payout */
  tokenBalance: 'ERC20InsufficientBalance',
  /** the treasury holds too little of the chain's coin (ETH) to pay the gas */
  gasBalance: 'INSUFFICIENT_GAS_FUNDS',
  /** the router holds a payment with this key's id that the treasury did not make: nothing of ours can ever use the id */
  paymentIdTaken: 'PAYMENT_ID_TAKEN',
} as const

/** ApplicationFailure type: the chain holds a payout under this key with another amount or token; finance must look. */
export const CRYPTO_PAYOUT_CONFLICT = 'CRYPTO_PAYOUT_IDEMPOTENCY_CONFLICT'
