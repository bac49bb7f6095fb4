/** Payout policy in words, for runs (their snapshot) and schedules (the live settings). */
import { formatMinor } from '../money'
import type { PayoutSettingsSnapshot } from './types'

const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'] as const
const hour = (h: number) => `${String(h).padStart(2, '0')}:00 UTC`

/** 'Weekly, Mondays 06:00 UTC', 'Every other Monday…', 'Monthly on day 1, 06:00 UTC'. */
export function cadenceText(s: Pick<PayoutSettingsSnapshot, 'cadence' | 'weekday' | 'dayOfMonth' | 'hourUtc'>): string {
  const day = WEEKDAYS[s.weekday] ?? `weekday ${s.weekday}`
  if (s.cadence === 'monthly') return `Monthly on day ${s.dayOfMonth}, ${hour(s.hourUtc)}`
  if (s.cadence === 'biweekly') return `Every other week, ${day} ${hour(s.hourUtc)}`
  return `Weekly, ${day} ${hour(s.hourUtc)}`
}

/** 500 bps kept 90 days -> '5% for 90 days'. */
export const reserveText = (s: Pick<PayoutSettingsSnapshot, 'reserveBps' | 'reserveDays'>) =>
  s.reserveBps === 0 ? 'none' : `${s.reserveBps / 100}% for ${s.reserveDays} days`

export const minimumText = (s: Pick<PayoutSettingsSnapshot, 'minimum' | 'currency'>) => formatMinor(s.minimum, s.currency)
export const thresholdText = (s: Pick<PayoutSettingsSnapshot, 'approvalThreshold' | 'currency'>) => `above ${formatMinor(s.approvalThreshold, s.currency)}`
