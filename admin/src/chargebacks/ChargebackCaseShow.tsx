import { Link as MuiLink } from '@mui/material'
import { DateField, Link, Show, SimpleShowLayout, TextField, useCreatePath, useRecordContext } from 'react-admin'
import { formatMinor } from '../money'
import { PurchaseStatusChip } from '../purchases/PurchaseStatusChip'
import { TemporalLinkField } from '../temporal-link'
import { ChargebackStatusChip } from './ChargebackStatusChip'
import { EvidenceLink } from './EvidenceLink'
import type { ChargebackCaseDetail } from './types'

type AmountField = 'amount' | 'clawedBack' | 'loss' | 'fee'

function Money({ source }: { source: AmountField; label?: string }) {
  const c = useRecordContext<ChargebackCaseDetail>()
  if (!c) return null
  const amount = c[source]
  return <span>{amount === null ? '—' : formatMinor(amount, c.currency)}</span>
}

function Status(_: { label?: string }) {
  const c = useRecordContext<ChargebackCaseDetail>()
  return c ? <ChargebackStatusChip status={c.status} /> : null
}

/** A link to another back-office record (the reversed purchase, the chargeback's journal entry). */
function RecordLink({ resource, id, text, testId }: { resource: string; id: string | null | undefined; text: string; testId: string }) {
  const createPath = useCreatePath()
  if (!id) return <span>—</span>
  return <MuiLink component={Link} to={createPath({ resource, type: 'show', id })} data-testid={testId}>{text}</MuiLink>
}

function PurchaseLink(_: { label?: string }) {
  const c = useRecordContext<ChargebackCaseDetail>()
  if (!c) return null
  return (
    <span>
      <RecordLink resource="purchases" id={c.purchaseId} text={`Purchase ${c.purchaseId}`} testId="chargeback-purchase-link" />
      {c.purchase && <PurchaseStatusChip status={c.purchase.status} />}
    </span>
  )
}

function LedgerEntryLink(_: { label?: string }) {
  const c = useRecordContext<ChargebackCaseDetail>()
  return c ? <RecordLink resource="ledger-entries" id={c.ledgerEntryId} text={`Entry #${c.ledgerEntryId}`} testId="chargeback-ledger-entry-link" /> : null
}

/** One chargeback: the money, the purchase it reversed, the entry that booked it, the run that handled it, the evidence. */
export function ChargebackCaseShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <Status label="Status" />
        <Money source="amount" label="Amount" />
        <Money source="clawedBack" label="Clawed back from the creator" />
        <Money source="fee" label="Processor chargeback fee" />
        <Money source="loss" label="Our loss" />
        <TextField source="processor" />
        <TextField source="transactionId" />
        <TextField source="brand" />
        <PurchaseLink label="Purchase" />
        <LedgerEntryLink label="Ledger entry" />
        <TemporalLinkField source="workflowId" label="Workflow" />
        <TextField source="fanId" label="Fan id" />
        <TextField source="creatorId" label="Creator id" />
        <DateField source="openedAt" showTime />
        <DateField source="closedAt" showTime emptyText="—" />
        <EvidenceLink label="Evidence" />
      </SimpleShowLayout>
    </Show>
  )
}
