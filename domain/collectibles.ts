/** Collectibles: what a creator may open as an edition, what may be minted, and the metadata a token points at. Pure. */
import { assertPurchaseAmount, MoneyError } from './money.ts'

export const COLLECTIBLE_ERRORS = {
  invalidEdition: 'INVALID_EDITION',
  disabled: 'COLLECTIBLES_DISABLED',
  editionTooLarge: 'EDITION_TOO_LARGE',
  royaltyTooHigh: 'ROYALTY_TOO_HIGH',
  notYourMedia: 'NOT_YOUR_MEDIA',
  mediaNotPublished: 'MEDIA_NOT_PUBLISHED',
  performerUnverified: 'PERFORMER_UNVERIFIED',
  kycNotCurrent: 'KYC_NOT_CURRENT',
  creatorSuspended: 'CREATOR_SUSPENDED',
  editionExists: 'EDITION_EXISTS',
  notOnSale: 'NOT_ON_SALE',
  soldOut: 'SOLD_OUT',
  ownEdition: 'OWN_EDITION',
  invalidAddress: 'INVALID_ADDRESS',
} as const
export type CollectibleErrorCode = (typeof COLLECTIBLE_ERRORS)[keyof typeof COLLECTIBLE_ERRORS]

export class CollectibleError extends Error {
  override name = 'CollectibleError'
  constructor(readonly code: CollectibleErrorCode, message: string, readonly field?: string) {
    super(message)
  }
}

export type CollectibleSettings = { enabled: boolean; mintFeeMinor: number; maxEdition: number; maxRoyaltyBps: number }

export type EditionRequest = { title: string; description: string; maxSupply: number; priceMinor: number; currency: string; royaltyBps: number }

/** Checks an edition a creator asks for against the brand's rules; throws CollectibleError naming the field. */
export function assertEditionRequest(r: EditionRequest, s: CollectibleSettings): void {
  if (!s.enabled) throw new CollectibleError(COLLECTIBLE_ERRORS.disabled, 'This brand does not offer collectibles.')
  const title = r.title.trim()
  if (title.length < 1 || title.length > 120) throw new CollectibleError(COLLECTIBLE_ERRORS.invalidEdition, 'A title has 1 to 120 characters.', 'title')
  if (r.description.length > 2000) throw new CollectibleError(COLLECTIBLE_ERRORS.invalidEdition, 'A description has at most 2,000 characters.', 'description')
  if (!Number.isSafeInteger(r.maxSupply) || r.maxSupply < 1) throw new CollectibleError(COLLECTIBLE_ERRORS.invalidEdition, 'An edition has at least one token.', 'maxSupply')
  if (r.maxSupply > s.maxEdition) throw new CollectibleError(COLLECTIBLE_ERRORS.editionTooLarge, `Editions on this brand hold at most ${s.maxEdition} tokens.`, 'maxSupply')
  try {
    assertPurchaseAmount({ amount: r.priceMinor, currency: r.currency as 'USD' })
  } catch (err) {
    if (err instanceof MoneyError) throw new CollectibleError(COLLECTIBLE_ERRORS.invalidEdition, `The price is not valid: ${err.message}.`, 'priceMinor')
    throw err
  }
  if (r.priceMinor <= s.mintFeeMinor) throw new CollectibleError(COLLECTIBLE_ERRORS.invalidEdition, 'The price must be above the mint fee.', 'priceMinor')
  if (!Number.isSafeInteger(r.royaltyBps) || r.royaltyBps < 0) throw new CollectibleError(COLLECTIBLE_ERRORS.invalidEdition, 'A royalty is a whole number of basis points.', 'royaltyBps')
  if (r.royaltyBps > s.maxRoyaltyBps) throw new CollectibleError(COLLECTIBLE_ERRORS.royaltyTooHigh, `Royalties on this brand are at most ${s.maxRoyaltyBps / 100} %.`, 'royaltyBps')
}

/** The mint fee taken from the creator's share of one sale: never more than that share. */
export const mintFeeOf = (feeMinor: number, creatorShare: number): number => Math.max(0, Math.min(feeMinor, creatorShare))

export type GateInput = {
  brandEnabled: boolean
  creatorActive: boolean
  /** the media item: its owner, status and moderator decision */
  media: { creatorId: string; status: string; decision: string | null } | null
  creatorId: string
  /** each depicted performer's record state */
  performers: { alias: string; status: string; recordId: string | null }[]
  /** the creator's newest KYC case */
  kyc: { status: string; expiresAt: string | null } | null
  at: string
}

export type Gate = { ok: true } | { ok: false; code: CollectibleErrorCode; reason: string }

/** Nothing goes on a chain unless all of this holds: the brand allows it, the content is published and approved, every performer is 2257-verified, the creator's KYC is current. */
export function collectibleGate(g: GateInput): Gate {
  const no = (code: CollectibleErrorCode, reason: string): Gate => ({ ok: false, code, reason })
  if (!g.brandEnabled) return no(COLLECTIBLE_ERRORS.disabled, 'This brand does not offer collectibles.')
  if (!g.creatorActive) return no(COLLECTIBLE_ERRORS.creatorSuspended, 'The creator account is not active.')
  if (!g.media || g.media.creatorId !== g.creatorId) return no(COLLECTIBLE_ERRORS.notYourMedia, 'Collectibles are made of your own media.')
  if (g.media.status !== 'PUBLISHED' || g.media.decision !== 'approve') return no(COLLECTIBLE_ERRORS.mediaNotPublished, 'Only published, approved media can become a collectible.')
  if (g.performers.length === 0) return no(COLLECTIBLE_ERRORS.performerUnverified, 'The media names no verified performer.')
  const unverified = g.performers.filter((p) => p.status !== 'VERIFIED' || !p.recordId)
  if (unverified.length > 0) return no(COLLECTIBLE_ERRORS.performerUnverified, `Not every performer has a verified 2257 record (${unverified.map((p) => p.alias).join(', ')}).`)
  if (!g.kyc || g.kyc.status.toUpperCase() !== 'APPROVED') return no(COLLECTIBLE_ERRORS.kycNotCurrent, 'Your identity verification is not approved.')
  if (g.kyc.expiresAt && Date.parse(g.kyc.expiresAt) <= Date.parse(g.at)) return no(COLLECTIBLE_ERRORS.kycNotCurrent, 'Your identity verification has expired.')
  return { ok: true }
}

export type CollectibleMetadataInput = {
  name: string
  description: string
  brand: string
  creator: string
  edition: number
  /** content-addressed media reference: sha256 of the preview image and of the source */
  imageUri: string
  mediaSha256: string
  royaltyBps: number
}

/** ERC-721 metadata JSON (name, description, image, attributes), keys in a fixed order so equal input hashes alike. */
export function collectibleMetadata(m: CollectibleMetadataInput): string {
  return JSON.stringify({
    name: m.name,
    description: m.description,
    image: m.imageUri,
    attributes: [
      { trait_type: 'Brand', value: m.brand },
      { trait_type: 'Creator', value: m.creator },
      { trait_type: 'Edition size', value: m.edition },
      { trait_type: 'Royalty (bps)', value: m.royaltyBps },
    ],
    properties: { media_sha256: m.mediaSha256 },
  })
}

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000'

/**
 * An external wallet address a token may be withdrawn to: 0x and 40 hex digits; mixed case must carry a valid EIP-55
 * checksum, checked by `checksumValid` (keccak lives outside the domain; a mistyped character then fails instead of
 * sending the token to nobody's wallet); never the zero address
 * or one of the platform's own (the contract, a custodial wallet). Returns the address.
 */
export function assertWithdrawalAddress(to: unknown, checksumValid: (address: string) => boolean, platformAddresses: readonly string[] = []): `0x${string}` {
  const no = (message: string) => new CollectibleError(COLLECTIBLE_ERRORS.invalidAddress, message, 'to')
  if (typeof to !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(to.trim())) throw no('An address is 0x followed by 40 hexadecimal digits.')
  const address = to.trim()
  if (!checksumValid(address)) throw no('That address fails its checksum (EIP-55): a character is wrong. Copy it again from your wallet.')
  if (address.toLowerCase() === ZERO_ADDRESS) throw no('The zero address burns tokens; give a wallet of your own.')
  if (platformAddresses.some((a) => a.toLowerCase() === address.toLowerCase())) throw no('That address belongs to the platform; give a wallet of your own.')
  return address as `0x${string}`
}

export type WithdrawalFacts = { purchaseStatus: string | null; purchasedAt: string | null; holdDays: number; now: string }

/**
 * Null when the token may leave custody: its purchase completed (not refunded or charged back) and the withdrawal hold
 * (by default the chargeback window) has passed, since a token outside custody cannot be taken back.
 */
export function withdrawalRefusal(f: WithdrawalFacts): { code: string; message: string } | null {
  if (f.purchaseStatus !== 'COMPLETED' || !f.purchasedAt) {
    return { code: 'NOT_WITHDRAWABLE', message: `A token whose purchase is ${String(f.purchaseStatus ?? 'unknown').toLowerCase()} stays in custody.` }
  }
  const opensAt = Date.parse(f.purchasedAt) + f.holdDays * 86_400_000
  if (Date.parse(f.now) < opensAt) {
    return { code: 'WITHDRAWAL_HOLD', message: `Tokens can leave custody once the payment is final, from ${new Date(opensAt).toISOString().slice(0, 10)}.` }
  }
  return null
}
