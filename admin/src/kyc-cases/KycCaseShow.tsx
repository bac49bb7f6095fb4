import { Chip } from '@mui/material'
import { DateField, Labeled, NumberField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'
import { CaseAge } from './CaseAge'
import { DecidePanel } from './DecidePanel'
import { EvidencePanel } from './EvidencePanel'
import { KycStatusChip } from './KycStatusChip'
import { MediaGallery } from './MediaGallery'
import type { KycCaseDetail } from './types'

function Status(_: { label?: string }) {
  const kycCase = useRecordContext<KycCaseDetail>()
  if (!kycCase) return null
  return (
    <span>
      <KycStatusChip status={kycCase.status} />
      {kycCase.escalatedAt && <Chip size="small" color="error" label="escalated" sx={{ ml: 1 }} data-testid="kyc-case-escalated" />}
    </span>
  )
}

function Age(_: { label?: string }) {
  const kycCase = useRecordContext<KycCaseDetail>()
  return kycCase ? <CaseAge hours={kycCase.ageHours} /> : null
}

function Evidence() {
  const kycCase = useRecordContext<KycCaseDetail>()
  return kycCase ? <Labeled label="Evidence" fullWidth><EvidencePanel evidence={kycCase.evidence} /></Labeled> : null
}

function Media() {
  const kycCase = useRecordContext<KycCaseDetail>()
  if (!kycCase) return null
  const items = (kycCase.media ?? []).map((m) => ({ key: m.mediaId, kind: m.kind, url: m.url }))
  return (
    <Labeled label="Captured images" fullWidth>
      <MediaGallery items={items} testId="kyc-media" empty="The provider holds no images for this case." />
    </Labeled>
  )
}

/** One KYC case: who and where, the provider's evidence and images, the workflow, and the decide panel while open. */
export function KycCaseShow() {
  return (
    <Show aside={<DecidePanel />} sx={{ '& .RaShow-main': { flexDirection: { xs: 'column', md: 'row' } } }}>
      <SimpleShowLayout>
        <Status label="Status" />
        <Age label="Age" />
        <TextField source="personDisplayName" label="Person" emptyText="—" />
        <TextField source="personEmail" label="Email" emptyText="—" />
        <TextField source="brand" emptyText="—" />
        <TextField source="purpose" />
        <NumberField source="round" />
        <NumberField source="resubmissions" />
        <NumberField source="remindersSent" label="Reminders sent" />
        <TextField source="reasonCode" emptyText="—" />
        <TextField source="reason" emptyText="—" />
        <TemporalLinkField source="workflowId" label="Workflow" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
        <DateField source="decidedAt" showTime emptyText="—" />
        <Evidence />
        <Media />
      </SimpleShowLayout>
    </Show>
  )
}
