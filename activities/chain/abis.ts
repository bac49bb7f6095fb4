/** Typed ABIs of the contracts we call, written out so viem checks every call; a test holds them to the compiled ones. */
import { parseAbi } from 'viem'

/** What the platform uses of a stablecoin: ERC-20 plus EIP-2612 permit (USDC has both) and EIP-5267 domain. */
export const stablecoinAbi = parseAbi([
  'function balanceOf(address account) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function decimals() view returns (uint8)',
  'function nonces(address owner) view returns (uint256)',
  'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
  'function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)',
  'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
  'error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)',
])

/** The local test stablecoin adds minting by its owner. */
export const fanzUsdAbi = [...stablecoinAbi, ...parseAbi(['function mint(address to, uint256 amount)'])] as const

/** contracts/PaymentRouter.sol as the platform calls it. */
export const paymentRouterAbi = parseAbi([
  'struct PaymentOrder { bytes32 paymentId; address token; address payer; address payee; uint256 amount; uint256 deadline; }',
  'struct PermitSignature { uint8 v; bytes32 r; bytes32 s; }',
  'function pay(PaymentOrder order, bytes signature, PermitSignature permit)',
  'function refund(bytes32 paymentId, bytes32 refundId, uint256 amount)',
  'function payments(bytes32 paymentId) view returns (address payer, uint64 blockNumber, address payee, uint96 refunded, address token, uint96 amount)',
  'function refunds(bytes32 refundId) view returns (bytes32 paymentId, uint96 amount, uint64 blockNumber)',
  'event Payment(bytes32 indexed paymentId, address indexed payer, address indexed payee, address token, uint256 amount)',
  'event Refund(bytes32 indexed refundId, bytes32 indexed paymentId, uint256 amount)',
  'error PaymentExists(bytes32 paymentId)',
  'error RefundExists(bytes32 refundId)',
  'error UnknownPayment(bytes32 paymentId)',
  'error OrderExpired(uint256 deadline)',
  'error InvalidSignature()',
  'error NotPayee(address payee)',
  'error ZeroAmount()',
  'error RefundExceedsPayment(uint256 refundable)',
  'error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)',
])

/** The payer signs this (EIP-712) to authorise one payment; the router checks it against PAYMENT_ORDER_TYPEHASH. */
export const PAYMENT_ORDER_TYPES = {
  PaymentOrder: [
    { name: 'paymentId', type: 'bytes32' }, { name: 'token', type: 'address' }, { name: 'payer', type: 'address' },
    { name: 'payee', type: 'address' }, { name: 'amount', type: 'uint256' }, { name: 'deadline', type: 'uint256' },
  ],
} as const

/** EIP-2612, as every permit token defines it. */
export const PERMIT_TYPES = {
  Permit: [
    { name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' },
  ],
} as const

/** The router's EIP-712 domain name and version (chain id and address complete it). */
export const PAYMENT_ROUTER_DOMAIN = { name: 'FanzPaymentRouter', version: '1' } as const
