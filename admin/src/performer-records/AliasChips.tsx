import { Chip, Stack } from '@mui/material'
import { useRecordContext } from 'react-admin'
import type { PerformerRecord } from './types'

/** A performer's stage names and other aliases. */
export function AliasChips(_: { label?: string }) {
  const aliases = useRecordContext<PerformerRecord>()?.aliases ?? []
  if (aliases.length === 0) return <span>—</span>
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="performer-aliases">
      {aliases.map((alias) => <Chip key={alias} size="small" variant="outlined" label={alias} />)}
    </Stack>
  )
}

/** Current, or superseded by a newer record of the same performer (kept: records are never deleted). */
export function RecordStateChip(_: { label?: string }) {
  const record = useRecordContext<PerformerRecord>()
  if (!record) return null
  return record.supersededAt
    ? <Chip size="small" variant="outlined" label="superseded" data-testid="performer-record-state" data-state="superseded" />
    : <Chip size="small" color="success" label="current" data-testid="performer-record-state" data-state="current" />
}
