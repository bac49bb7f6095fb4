import { DateField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'
import { PostingsTable } from './PostingsTable'
import type { LedgerEntry } from './types'

function ExchangeRate() {
  const entry = useRecordContext<LedgerEntry>()
  if (!entry?.fx) return null
  const { from, currency, rate, asOf, source } = entry.fx
  return <Labeled label="Exchange rate used"><span data-testid="entry-fx">1 {from} = {rate} {currency} ({asOf}, {source})</span></Labeled>
}

function Postings() {
  const entry = useRecordContext<LedgerEntry>()
  return entry ? <Labeled label="Postings"><PostingsTable postings={entry.postings} /></Labeled> : null
}

/** One journal entry: its legs, and the workflow run and activity that posted it. */
export function LedgerEntryShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="id" label="Entry" />
        <TextField source="kind" />
        <TextField source="memo" />
        <TextField source="brand" />
        <DateField source="createdAt" showTime />
        <TemporalLinkField source="workflowId" label="Workflow" />
        <TextField source="runId" label="Run id" emptyText="—" />
        <TextField source="activityType" emptyText="—" />
        <TextField source="idempotencyKey" />
        <TextField source="reversesId" label="Reverses entry" emptyText="—" />
        <ExchangeRate />
        <Postings />
      </SimpleShowLayout>
    </Show>
  )
}
