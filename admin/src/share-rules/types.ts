/** Revenue share rule (GET/POST /api/revenue-share-rules): a creator's share in basis points, for a brand or one creator. */
export type DealStatus = 'active' | 'scheduled' | 'ended'

export type RevenueShareRule = {
  id: string
  brand: string
  /** null: the brand's default for every creator without a rule of their own */
  creatorId: string | null
  creatorShareBps: number
  validFrom: string
  validTo: string | null
  reason: string
  createdBy: string | null
  createdAt: string
  status: DealStatus
}

/** 8000 bps -> "80 %", 1234 -> "12.34 %". */
export const formatBps = (bps: number): string => `${(bps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })} %`

/** A UUID, as the API requires for person ids. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The browser's local date-time input ("2026-11-24T10:30") as the ISO instant the API takes; empty stays empty. */
export const toIso = (value: string | null | undefined): string | null => (value ? new Date(value).toISOString() : null)
