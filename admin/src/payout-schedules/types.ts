/** GET /api/payout-schedules: each brand's payout policy (payout_settings, null before its first use) and its Temporal Schedule (null before it exists). */
import type { PayoutSettingsSnapshot } from '../payout-runs/types'

type ScheduleState = { paused: boolean; note: string | null; nextRunAt: string | null; lastRunAt: string | null; lastWorkflowId: string | null }

export type PayoutScheduleRow = {
  id: string
  brand: string
  name: string
  settings: (PayoutSettingsSnapshot & { brand: string; updatedAt: string }) | null
  schedule: ScheduleState | null
}
