/** Referral (GET/POST /api/referrals): the referrer earns bps of the platform's cut on the creator's sales until endsAt. */
import type { DealStatus } from '../share-rules/types'

export type Referral = {
  id: string
  brand: string
  creatorId: string
  referrerId: string
  bps: number
  startsAt: string
  endsAt: string
  createdBy: string | null
  createdAt: string
  status: DealStatus
}
