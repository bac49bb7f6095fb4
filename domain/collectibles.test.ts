import assert from 'node:assert/strict'
import { checksumValid } from '../activities/chain/address.ts'
import { COLLECTIBLE_ERRORS, CollectibleError, assertEditionRequest, assertWithdrawalAddress, withdrawalRefusal, collectibleGate, collectibleMetadata, mintFeeOf, type GateInput } from './collectibles.ts'

const settings = { enabled: true, mintFeeMinor: 50, maxEdition: 1000, maxRoyaltyBps: 1000 }
const ask = { title: 'First light', description: '', maxSupply: 10, priceMinor: 1500, currency: 'USD', royaltyBps: 500 }
const gate: GateInput = {
  brandEnabled: true, creatorActive: true, creatorId: 'c1', at: '2026-11-24T12:00:00Z',
  media: { creatorId: 'c1', status: 'PUBLISHED', decision: 'approve' },
  performers: [{ alias: 'Cora', status: 'VERIFIED', recordId: 'r1' }, { alias: 'Lee', status: 'VERIFIED', recordId: 'r2' }],
  kyc: { status: 'approved', expiresAt: '2027-11-24T00:00:00Z' },
}

describe('collectibles rules', () => {
  describe('edition requests', () => {
    it('takes a request inside the brand rules', () => assert.doesNotThrow(() => assertEditionRequest(ask, settings)))
    const refused: [string, Partial<typeof ask>, Partial<typeof settings>, string, string | undefined][] = [
      ['a brand without collectibles', {}, { enabled: false }, COLLECTIBLE_ERRORS.disabled, undefined],
      ['an empty title', { title: '  ' }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'title'],
      ['no tokens', { maxSupply: 0 }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'maxSupply'],
      ['a fractional supply', { maxSupply: 1.5 }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'maxSupply'],
      ['an edition above the brand limit', { maxSupply: 1001 }, {}, COLLECTIBLE_ERRORS.editionTooLarge, 'maxSupply'],
      ['a negative price', { priceMinor: -100 }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'priceMinor'],
      ['a price at the mint fee', { priceMinor: 50 }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'priceMinor'],
      ['an unknown currency', { currency: 'XXX' }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'priceMinor'],
      ['a royalty above the brand cap', { royaltyBps: 1001 }, {}, COLLECTIBLE_ERRORS.royaltyTooHigh, 'royaltyBps'],
      ['a negative royalty', { royaltyBps: -1 }, {}, COLLECTIBLE_ERRORS.invalidEdition, 'royaltyBps'],
    ]
    for (const [what, over, rules, code, field] of refused) {
      it(`refuses ${what} with ${code}`, () => assert.throws(() => assertEditionRequest({ ...ask, ...over }, { ...settings, ...rules }),
        (err: unknown) => err instanceof CollectibleError && err.code === code && err.field === field))
    }
  })

  describe('the compliance gate', () => {
    it('passes published, approved media of an active creator with current KYC and every performer verified', () =>
      assert.deepEqual(collectibleGate(gate), { ok: true }))
    const failing: [string, Partial<GateInput>, string][] = [
      ['a brand that does not allow collectibles', { brandEnabled: false }, COLLECTIBLE_ERRORS.disabled],
      ['a suspended creator', { creatorActive: false }, COLLECTIBLE_ERRORS.creatorSuspended],
      ['media of somebody else', { media: { creatorId: 'c2', status: 'PUBLISHED', decision: 'approve' } }, COLLECTIBLE_ERRORS.notYourMedia],
      ['missing media', { media: null }, COLLECTIBLE_ERRORS.notYourMedia],
      ['media in review', { media: { creatorId: 'c1', status: 'IN_REVIEW', decision: null } }, COLLECTIBLE_ERRORS.mediaNotPublished],
      ['taken-down media', { media: { creatorId: 'c1', status: 'TAKEN_DOWN', decision: 'approve' } }, COLLECTIBLE_ERRORS.mediaNotPublished],
      ['a co-performer without a 2257 record', { performers: [{ alias: 'Cora', status: 'VERIFIED', recordId: 'r1' }, { alias: 'Lee', status: 'INVITED', recordId: null }] },
        COLLECTIBLE_ERRORS.performerUnverified],
      ['no performers at all', { performers: [] }, COLLECTIBLE_ERRORS.performerUnverified],
      ['KYC in review', { kyc: { status: 'review', expiresAt: null } }, COLLECTIBLE_ERRORS.kycNotCurrent],
      ['no KYC', { kyc: null }, COLLECTIBLE_ERRORS.kycNotCurrent],
      ['expired KYC', { kyc: { status: 'approved', expiresAt: '2026-11-24T11:59:59Z' } }, COLLECTIBLE_ERRORS.kycNotCurrent],
    ]
    for (const [what, over, code] of failing) {
      it(`stops ${what} (${code})`, () => {
        const g = collectibleGate({ ...gate, ...over })
        assert.equal(g.ok, false)
        assert.equal(!g.ok && g.code, code)
      })
    }
    it('names the unverified performers', () => {
      const g = collectibleGate({ ...gate, performers: [{ alias: 'Lee', status: 'PENDING', recordId: null }] })
      assert.match(!g.ok ? g.reason : '', /Lee/)
    })
  })

  it('never takes a mint fee above the creator share', () => {
    assert.deepEqual([mintFeeOf(50, 1200), mintFeeOf(50, 30), mintFeeOf(0, 100), mintFeeOf(50, 0)], [50, 30, 0, 0])
  })

  it('writes the same metadata bytes for the same input (content addressing), as ERC-721 JSON', () => {
    const input = { name: 'First light', description: 'd', brand: 'girlfanz', creator: '@cora', edition: 10, imageUri: 'https://x/media/ab.jpg', mediaSha256: 'ab', royaltyBps: 500 }
    assert.equal(collectibleMetadata(input), collectibleMetadata({ ...input }))
    const parsed = JSON.parse(collectibleMetadata(input)) as { name: string; image: string; attributes: { trait_type: string }[] }
    assert.deepEqual([parsed.name, parsed.image, parsed.attributes.length], ['First light', 'https://x/media/ab.jpg', 4])
  })
})

describe('withdrawal addresses', () => {
  const good = '0x52908400098527886E0F7030069857D2E4169EE7'
  it('takes a checksummed address, and an all-lowercase one', () => {
    assert.equal(assertWithdrawalAddress(good, checksumValid), good)
    assert.equal(assertWithdrawalAddress(good.toLowerCase(), checksumValid), good.toLowerCase())
  })
  const bad: [string, unknown][] = [
    ['too short', '0x1234'], ['no 0x', good.slice(2)], ['not hex', `0x${'g'.repeat(40)}`], ['not a string', 42],
    ['a wrong checksum (one letter case flipped)', good.replace('E0F7', 'e0F7')], ['the zero address', `0x${'0'.repeat(40)}`],
  ]
  for (const [what, to] of bad) {
    it(`refuses ${what} with INVALID_ADDRESS on the field`, () => assert.throws(() => assertWithdrawalAddress(to, checksumValid),
      (err: unknown) => err instanceof CollectibleError && err.code === COLLECTIBLE_ERRORS.invalidAddress && err.field === 'to'))
  }
  it("refuses the platform's own addresses", () => assert.throws(() => assertWithdrawalAddress(good, checksumValid, [good.toLowerCase()]), CollectibleError))
})

describe('withdrawal hold', () => {
  const base = { purchaseStatus: 'COMPLETED', purchasedAt: '2026-11-01T00:00:00Z', holdDays: 30, now: '2026-12-01T00:00:01Z' }
  it('lets a completed purchase leave custody once the hold passed', () => assert.equal(withdrawalRefusal(base), null))
  it('holds it inside the chargeback window', () => assert.equal(withdrawalRefusal({ ...base, now: '2026-11-30T23:59:59Z' })?.code, 'WITHDRAWAL_HOLD'))
  for (const status of ['REFUNDED', 'CHARGED_BACK', 'PENDING', null]) {
    it(`keeps a token whose purchase is ${String(status)} in custody`, () => assert.equal(withdrawalRefusal({ ...base, purchaseStatus: status })?.code, 'NOT_WITHDRAWABLE'))
  }
  it('takes no hold when configured to 0 days', () => assert.equal(withdrawalRefusal({ ...base, holdDays: 0, now: base.purchasedAt }), null))
})
