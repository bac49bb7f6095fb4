/** Small display helpers of the video pages. */
import { formatPrice } from '../money'
import type { Access } from './media-types'

/** 75 -> '1:15', 3725 -> '1:02:05'. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const hh = Math.floor(s / 3600)
  const mm = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`
}

/** 'Pay-per-view · $4.99' or 'Subscribers'. */
export const accessText = (access: Access, priceMinor: number | null, currency: string | null) =>
  access === 'ppv' ? `Pay-per-view${priceMinor !== null && currency ? ` · ${formatPrice(priceMinor, currency)}` : ''}` : 'Subscribers'
