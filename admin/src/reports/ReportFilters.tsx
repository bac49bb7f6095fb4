import { MenuItem, Stack, TextField } from '@mui/material'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { CURRENCIES } from '../../../domain/money.ts'
import type { Bucket, SeriesQuery } from './types'
import { BUCKETS } from './types'

type Props = { query: SeriesQuery; onChange: (query: SeriesQuery) => void }

/** Range, bucket, currency and brand of the reports; one currency at a time, since amounts never add across currencies. */
export function ReportFilters({ query, onChange }: Props) {
  const set = (patch: Partial<SeriesQuery>) => onChange({ ...query, ...patch })
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }} data-testid="report-filters">
      <TextField type="date" size="small" label="From" value={query.from} onChange={(e) => e.target.value && set({ from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true } }} />
      <TextField type="date" size="small" label="To (inclusive)" value={query.to} onChange={(e) => e.target.value && set({ to: e.target.value })}
        slotProps={{ inputLabel: { shrink: true } }} />
      <TextField select size="small" label="Per" value={query.bucket} onChange={(e) => set({ bucket: e.target.value as Bucket })} sx={{ minWidth: 110 }}>
        {BUCKETS.map((b) => <MenuItem key={b} value={b}>{b}</MenuItem>)}
      </TextField>
      <TextField select size="small" label="Currency" value={query.currency} onChange={(e) => set({ currency: e.target.value })} sx={{ minWidth: 110 }}>
        {Object.keys(CURRENCIES).map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
      </TextField>
      <TextField select size="small" label="Brand" value={query.brand} onChange={(e) => set({ brand: e.target.value })} sx={{ minWidth: 150 }}>
        <MenuItem value="">all brands</MenuItem>
        {BRAND_SLUGS.map((b) => <MenuItem key={b} value={b}>{b}</MenuItem>)}
      </TextField>
    </Stack>
  )
}
