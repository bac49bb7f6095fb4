import { Chip, Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material'
import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, Link, List, regex, SelectInput, TextInput, useCreatePath, useRecordContext } from 'react-admin'
import { PAYOUT_RAIL_NAMES } from '../../../domain/payouts/destinations.ts'
import { formatDateTime } from '../media-reviews/format'
import { formatMinor } from '../money'
import { mono } from '../payout-items/styles'
import { choices } from '../payout-items/types'
import { UUID } from '../share-rules/types'
import { CaseTabs } from './CaseTabs'
import { ResolveButton } from './ResolveButton'
import type { ReconciliationCase } from './types'
import { CASE_KINDS, CASE_STATUS } from './types'

const filters = [
  <SelectInput key="rail" source="rail" choices={choices(PAYOUT_RAIL_NAMES)} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices(Object.values(CASE_KINDS))} alwaysOn />,
  <TextInput key="runId" source="runId" label="Run id" validate={regex(UUID, 'Paste a whole id')} />,
]

const KIND_COLORS = { MISSING_AT_RAIL: 'error', UNKNOWN_AT_RAIL: 'warning', AMOUNT_MISMATCH: 'error', STATUS_MISMATCH: 'info' } as const

function CaseRow(props: DataTableRowProps) {
  const c = useRecordContext<ReconciliationCase>()
  return <DataTableRow {...props} data-testid="case-row" data-id={c?.id} data-kind={c?.kind} data-status={c?.status} data-provider-ref={c?.providerRef} />
}
function CaseBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={CaseRow} />
}

const money = (amount: number | null, currency: string) => (amount === null ? '—' : formatMinor(amount, currency))

/** Ledger against rail, and the gap between them when both are known. */
function Amounts({ c }: { c: ReconciliationCase }) {
  const gap = c.ledgerAmount !== null && c.railAmount !== null ? c.railAmount - c.ledgerAmount : null
  return (
    <Stack sx={{ alignItems: 'flex-end', fontVariantNumeric: 'tabular-nums' }}>
      <Typography variant="body2">{money(c.ledgerAmount, c.currency)} <Typography component="span" variant="caption" color="text.secondary">ledger</Typography></Typography>
      <Typography variant="body2">{money(c.railAmount, c.currency)} <Typography component="span" variant="caption" color="text.secondary">rail</Typography></Typography>
      {gap !== null && gap !== 0 && <Typography variant="caption" color="error" data-testid="case-gap">{gap > 0 ? '+' : ''}{formatMinor(gap, c.currency)}</Typography>}
    </Stack>
  )
}

function Links({ c }: { c: ReconciliationCase }) {
  const createPath = useCreatePath()
  return (
    <Stack>
      <MuiLink component={Link} to={createPath({ resource: 'payout-runs', type: 'show', id: c.runId })} variant="body2" data-testid="case-run-link">Run</MuiLink>
      {c.itemId && <MuiLink component={Link} to={createPath({ resource: 'payout-items', type: 'show', id: c.itemId })} variant="body2" data-testid="case-item-link">Payout</MuiLink>}
    </Stack>
  )
}

function Outcome({ c }: { c: ReconciliationCase }) {
  if (c.status === CASE_STATUS.open) return <ResolveButton c={c} />
  return (
    <Tooltip title={`${c.resolvedAt ? new Date(c.resolvedAt).toLocaleString() : ''} ${c.resolvedBy ? `by ${c.resolvedBy}` : ''}`}>
      <Stack spacing={0.5} data-testid="case-resolution">
        <Chip size="small" label="RESOLVED" variant="outlined" sx={{ alignSelf: 'flex-start' }} />
        <Typography variant="caption" sx={{ maxWidth: 260 }}>{c.resolution}</Typography>
      </Stack>
    </Tooltip>
  )
}

/** Differences between the ledger and the rails' reports: open ones first, each resolved with a written account. */
export function ReconciliationCaseList() {
  return (
    <List title="Reconciliation cases" filters={filters} filterDefaultValues={{ status: CASE_STATUS.open }} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}
      empty={false}>
      <CaseTabs />
      <DataTable rowClick={false} bulkActionButtons={false} body={CaseBody}>
        <DataTable.Col source="createdAt" label="Found" render={(c: ReconciliationCase) => formatDateTime(c.createdAt)} />
        <DataTable.Col source="kind" render={(c: ReconciliationCase) => (
          <Chip size="small" label={c.kind.replaceAll('_', ' ')} color={KIND_COLORS[c.kind] ?? 'default'} data-testid="case-kind" />
        )} />
        <DataTable.Col source="rail" disableSort />
        <DataTable.Col source="providerRef" label="Provider ref" disableSort render={(c: ReconciliationCase) => <Typography sx={mono}>{c.providerRef}</Typography>} />
        <DataTable.Col label="Ledger / rail" align="right" disableSort render={(c: ReconciliationCase) => <Amounts c={c} />} />
        <DataTable.Col source="detail" disableSort render={(c: ReconciliationCase) => <Typography variant="body2" sx={{ maxWidth: 360 }}>{c.detail}</Typography>} />
        <DataTable.Col label="Links" disableSort render={(c: ReconciliationCase) => <Links c={c} />} />
        <DataTable.Col source="status" label="Resolution" render={(c: ReconciliationCase) => <Outcome c={c} />} />
      </DataTable>
    </List>
  )
}
