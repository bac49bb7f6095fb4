/** The two signatures a payer gives for a relayed payment: the router's payment order and the token's EIP-2612 permit. */
import { parseSignature, type Address, type Hex, type LocalAccount } from 'viem'
import { PAYMENT_ORDER_TYPES, PAYMENT_ROUTER_DOMAIN, PERMIT_TYPES } from './abis.ts'

export type PaymentOrder = { paymentId: Hex; token: Address; payer: Address; payee: Address; amount: bigint; deadline: bigint }
/** v, r, s as the router takes them; v = 0 tells it to skip the permit. */
export type PermitSignature = { v: number; r: Hex; s: Hex }
/** For a payer who approved the router some other way (a smart-contract wallet, say). */
export const NO_PERMIT: PermitSignature = { v: 0, r: `0x${'00'.repeat(32)}`, s: `0x${'00'.repeat(32)}` }

/** The payer's EIP-712 authorisation of exactly this order at this router; it binds payee and amount. */
export function signPaymentOrder(payer: LocalAccount, at: { chainId: number; router: Address }, order: PaymentOrder): Promise<Hex> {
  return payer.signTypedData({ domain: { ...PAYMENT_ROUTER_DOMAIN, chainId: at.chainId, verifyingContract: at.router },
    types: PAYMENT_ORDER_TYPES, primaryType: 'PaymentOrder', message: order })
}

export type PermitRequest = {
  /** the token's EIP-712 domain name and version (EIP-5267 eip712Domain() tells them) */
  token: { address: Address; name: string; version: string; chainId: number }
  spender: Address
  value: bigint
  nonce: bigint
  deadline: bigint
}

/** An EIP-2612 permit, split into v, r, s. */
export async function signPermit(owner: LocalAccount, request: PermitRequest): Promise<PermitSignature> {
  const { token, spender, value, nonce, deadline } = request
  const signature = await owner.signTypedData({
    domain: { name: token.name, version: token.version, chainId: token.chainId, verifyingContract: token.address },
    types: PERMIT_TYPES, primaryType: 'Permit', message: { owner: owner.address, spender, value, nonce, deadline } })
  const { r, s, v, yParity } = parseSignature(signature)
  return { v: Number(v ?? 27n + BigInt(yParity)), r, s }
}
