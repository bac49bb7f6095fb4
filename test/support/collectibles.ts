/** Collectible test helpers on the real stack: a creator with published media, an edition on sale, a purchase to its end. */
import assert from 'node:assert/strict'
import { login } from './stack.ts'
import { api, until } from './stack.ts'
import { newVerifiedCreator } from './people.ts'
import { makeClip, untilStatus, upload } from './media.ts'

/** A new verified creator on `brand` with one published, approved clip (upload, transcode, moderator approval, 2257 gate). */
export async function creatorWithPublishedMedia(brand: string, title = 'Collectible session') {
  const [creator, moderator, clip] = await Promise.all([newVerifiedCreator(brand, 'Cora', 'Lector'), login('moderator@fanz.demo'), makeClip({ seconds: 2 })])
  // subscribers-only: no PPV post priced on the brand's storefront (other tests count those)
  const mediaId = await upload(creator.token, clip.bytes, { brand, title, tags: ['collectible'], access: 'subscribers', priceMinor: undefined, currency: undefined })
  await untilStatus(creator.token, mediaId, ['IN_REVIEW'])
  const decided = await api(`/api/media-reviews/${mediaId}/decision`, { method: 'POST', token: moderator, body: { decision: 'approve', reasonCode: 'LOOKS_FINE' } })
  assert.equal(decided.status, 202, JSON.stringify(decided.body))
  await untilStatus(creator.token, mediaId, ['PUBLISHED'])
  return { creator, mediaId }
}

export type EditionAsk = { brand: string; mediaId: string; title?: string; maxSupply?: number; priceMinor?: number; royaltyBps?: number }

/** Opens an edition as the creator; returns the API's answer (202 or a refusal). */
export const openEdition = (token: string, a: EditionAsk) => api('/api/collectibles', { method: 'POST', token,
  body: { brand: a.brand, mediaId: a.mediaId, title: a.title ?? 'First light', description: 'A numbered edition', maxSupply: a.maxSupply ?? 2,
    priceMinor: a.priceMinor ?? 1500, royaltyBps: a.royaltyBps ?? 500 } })

/** Waits until the edition leaves the gate and the chain: LIVE, REFUSED, FAILED or TAKEN_DOWN. */
export const untilEditionSettled = (token: string, id: string) =>
  until(() => api(`/api/collectibles/${id}`, { token }), (r) => ['LIVE', 'REFUSED', 'FAILED', 'TAKEN_DOWN', 'SOLD_OUT'].includes(r.body?.status), `edition ${id} settled`, 240)

/** Buys one token as the fan and waits for the purchase to end (COMPLETED, DECLINED or FAILED). */
export async function buyToken(token: string, editionId: string, paymentToken = 'tok_visa_4111') {
  const started = await api(`/api/collectibles/${editionId}/purchases`, { method: 'POST', token, body: { processor: 'ccbill', paymentToken, jurisdiction: 'NL' } })
  if (started.status !== 202) return { started, purchase: null }
  const purchase = await until(() => api(`/api/collectible-purchases/${started.body.purchaseId}`, { token }), (r) => r.body?.status && r.body.status !== 'PENDING',
    `purchase ${started.body.purchaseId} ended`, 240)
  return { started, purchase }
}

/** For the browser test: a published media item of a fresh verified creator on `brand` with an edition LIVE. */
export async function liveEdition(brand: string, maxSupply = 3) {
  const { creator, mediaId } = await creatorWithPublishedMedia(brand)
  const opened = await openEdition(creator.token, { brand, mediaId, maxSupply })
  assert.equal(opened.status, 202, JSON.stringify(opened.body))
  const live = await untilEditionSettled(creator.token, opened.body.id)
  assert.equal(live.body.status, 'LIVE', JSON.stringify(live.body))
  return { creator, mediaId, editionId: opened.body.id as string }
}
