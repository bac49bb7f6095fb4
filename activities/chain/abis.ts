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

/** contracts/FanzCollectibles.sol as the platform calls it, with the OpenZeppelin errors its calls can revert with. */
export const collectiblesAbi = parseAbi([
  'function MINTER_ROLE() view returns (bytes32)',
  'function REMOVED_URI() view returns (string)',
  'function createEdition(bytes32 editionId, address creator, uint32 maxSupply, uint96 royaltyBps, string metadataURI)',
  'function mint(bytes32 editionId, address to, bytes32 mintId) returns (uint256 tokenId)',
  'function hideEdition(bytes32 editionId)',
  'function unhideEdition(bytes32 editionId)',
  'function edition(bytes32 editionId) view returns (address creator, uint32 maxSupply, uint32 minted, bool hidden, uint96 royaltyBps, string uri)',
  'function editionOf(uint256 tokenId) view returns (bytes32 editionId, uint32 serial)',
  'function mintOf(bytes32 mintId) view returns (uint256 tokenId)',
  'function editionCount() view returns (uint64)',
  'function ownerOf(uint256 tokenId) view returns (address)',
  'function safeTransferFrom(address from, address to, uint256 tokenId)',
  'function balanceOf(address owner) view returns (uint256)',
  'function tokenURI(uint256 tokenId) view returns (string)',
  'function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns (address, uint256)',
  'function supportsInterface(bytes4 interfaceId) view returns (bool)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function grantRole(bytes32 role, address account)',
  'function revokeRole(bytes32 role, address account)',
  'function defaultAdmin() view returns (address)',
  'event EditionCreated(bytes32 indexed editionId, address indexed creator, uint32 maxSupply, uint96 royaltyBps, string uri)',
  'event EditionTakenDown(bytes32 indexed editionId)',
  'event EditionRestored(bytes32 indexed editionId)',
  'event Minted(bytes32 indexed mintId, bytes32 indexed editionId, uint256 tokenId, address indexed to)',
  'event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)',
  'event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId)',
  'error EditionExists(bytes32 editionId)',
  'error UnknownEdition(bytes32 editionId)',
  'error EditionHidden(bytes32 editionId)',
  'error EditionSoldOut(bytes32 editionId, uint32 maxSupply)',
  'error MintExists(bytes32 mintId)',
  'error ZeroCreator()',
  'error ZeroSupply()',
  'error RoyaltyTooHigh(uint96 royaltyBps)',
  'error EmptyURI()',
  'error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)',
  'error ERC721InvalidReceiver(address receiver)',
  'error ERC721NonexistentToken(uint256 tokenId)',
])
