import { Chip, Tooltip } from '@mui/material'
import { DataTable, DateField, List, NullableBooleanInput } from 'react-admin'
import { PersonFilterInput } from '../dsr-requests/PersonFilterInput'
import { formatDateTime } from '../media-reviews/format'
import { ReleaseHoldButton } from './ReleaseHoldButton'
import type { LegalHold } from './types'

const filters = [
  <NullableBooleanInput key="active" source="active" label="State" trueLabel="Active" falseLabel="Released" nullLabel="All" alwaysOn />,
  <PersonFilterInput key="personId" source="personId" label="Person" alwaysOn />,
]

/** Active, or released with when, by whom and why on hover. */
function State({ hold }: { hold: LegalHold }) {
  if (hold.active) return <Chip size="small" color="error" label="active" data-testid="hold-state" data-active="true" />
  const released = hold.releasedAt ? `Released ${formatDateTime(hold.releasedAt)}${hold.releasedBy ? ` by ${hold.releasedBy}` : ''}` : 'Ended'
  return (
    <Tooltip title={hold.releaseReason ? `${released}: ${hold.releaseReason}` : released}>
      <Chip size="small" variant="outlined" label={hold.releasedAt ? 'released' : 'ended'} data-testid="hold-state" data-active="false" />
    </Tooltip>
  )
}

const until = (hold: LegalHold) => (hold.until ? new Date(hold.until).toLocaleDateString() : 'until released')

/** Litigation holds set by compliance, newest first, opening on the active ones; each active hold can be released in place. */
export function LegalHoldList() {
  return (
    <List sort={{ field: 'setAt', order: 'DESC' }} filters={filters} filterDefaultValues={{ active: true }} exporter={false} title="Legal holds">
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="personEmail" label="Person" disableSort />
        <DataTable.Col source="kind" disableSort />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col source="until" render={until} />
        <DataTable.Col source="setByEmail" label="Set by" disableSort render={(h: LegalHold) => h.setByEmail ?? h.setBy} />
        <DataTable.Col source="setAt" label="Set" field={DateField} />
        <DataTable.Col source="active" label="State" disableSort render={(h: LegalHold) => <State hold={h} />} />
        <DataTable.Col label="" disableSort render={(h: LegalHold) => <ReleaseHoldButton hold={h} />} />
      </DataTable>
    </List>
  )
}
