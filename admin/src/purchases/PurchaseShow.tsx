import { Link as MuiLink } from '@mui/material'
import { DateField, Labeled, Link, Show, SimpleShowLayout, TextField, useCreatePath, useRecordContext } from 'react-admin'
import { formatMinor } from '../money'
import { TemporalLinkField } from '../temporal-link'
import { PurchaseStatusChip } from './PurchaseStatusChip'
import { SplitTable } from './SplitTable'
import type { Purchase } from './types'

function Status(_: { label?: string }) {
  const purchase = useRecordContext<Purchase>()
  return purchase ? <PurchaseStatusChip status={purchase.status} /> : null
}

function Amount(_: { label?: string }) {
  const purchase = useRecordContext<Purchase>()
  return purchase ? <span>{formatMinor(purchase.amount, purchase.currency)}</span> : null
}

/** The journal entry that booked this purchase. */
function LedgerEntryLink(_: { label?: string }) {
  const purchase = useRecordContext<Purchase>()
  const createPath = useCreatePath()
  if (!purchase?.ledgerEntryId) return <span>—</span>
  const to = createPath({ resource: 'ledger-entries', type: 'show', id: purchase.ledgerEntryId })
  return <MuiLink component={Link} to={to} data-testid="ledger-entry-link">Entry #{purchase.ledgerEntryId}</MuiLink>
}

function Split() {
  const purchase = useRecordContext<Purchase>()
  return purchase ? <Labeled label="Split"><SplitTable split={purchase.split} /></Labeled> : null
}

/** One purchase: outcome, money, the workflow that ran it and the entry that booked it. */
export function PurchaseShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <Status label="Status" />
        <Amount label="Amount" />
        <TextField source="processor" />
        <TextField source="transactionId" emptyText="—" />
        <TextField source="declineCode" emptyText="—" />
        <TextField source="failureReason" emptyText="—" />
        <TemporalLinkField source="workflowId" label="Workflow" />
        <LedgerEntryLink label="Ledger entry" />
        <TextField source="brand" />
        <TextField source="fanId" label="Fan id" />
        <TextField source="postId" label="Post id" emptyText="—" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
        <Split />
      </SimpleShowLayout>
    </Show>
  )
}
