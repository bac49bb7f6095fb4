import { DateField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'
import { CheckResultsTable } from './CheckResultsTable'
import { CheckStatusChip } from './CheckStatusChip'
import type { PlatformCheck } from './types'

function Verdict(_: { label?: string }) {
  const check = useRecordContext<PlatformCheck>()
  return check ? <CheckStatusChip check={check} /> : null
}

function Results() {
  const check = useRecordContext<PlatformCheck>()
  return check ? <Labeled label="Checks"><CheckResultsTable checks={check.checks} /></Labeled> : null
}

/** One platform check run with every dependency's result. */
export function PlatformCheckShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <Verdict label="Status" />
        <TemporalLinkField source="workflowId" label="Workflow" />
        <TextField source="runId" />
        <TextField source="requestedBy" emptyText="—" />
        <DateField source="startedAt" showTime />
        <DateField source="finishedAt" showTime emptyText="—" />
        <Results />
      </SimpleShowLayout>
    </Show>
  )
}
