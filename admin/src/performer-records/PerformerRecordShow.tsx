import { Typography } from '@mui/material'
import { DateField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin'
import { MediaGallery } from '../kyc-cases/MediaGallery'
import { AliasChips, RecordStateChip } from './AliasChips'
import type { PerformerRecordDetail } from './types'

function IdCopies() {
  const record = useRecordContext<PerformerRecordDetail>()
  if (!record) return null
  const items = (record.idCopies ?? []).map((copy) => ({ key: String(copy.index), kind: copy.kind, url: copy.url }))
  return (
    <Labeled label="Copies of the identification document" fullWidth>
      <MediaGallery items={items} testId="performer-id-copy" empty="No copies are kept with this record." />
    </Labeled>
  )
}

function ReleaseSignature(_: { label?: string }) {
  const signature = useRecordContext<PerformerRecordDetail>()?.releaseSignature
  if (!signature) return <span>—</span>
  return <Typography variant="body2" data-testid="performer-release-signature">Signed “{signature.name}” on {new Date(signature.signedAt).toLocaleString()}</Typography>
}

function Custodian(_: { label?: string }) {
  const custodian = useRecordContext<PerformerRecordDetail>()?.custodian
  if (!custodian) return <span>—</span>
  return (
    <Typography variant="body2" component="address" sx={{ fontStyle: 'normal', whiteSpace: 'pre-line' }} data-testid="performer-custodian">
      {`${custodian.name}, ${custodian.title}\n${custodian.businessAddress}\n${custodian.email}`}
    </Typography>
  )
}

/** One 2257 record: legal name and aliases, the identification document and its copies, the release and the custodian. */
export function PerformerRecordShow() {
  return (
    <Show title="2257 performer record">
      <SimpleShowLayout>
        <RecordStateChip label="State" />
        <TextField source="legalName" />
        <TextField source="dateOfBirth" label="Date of birth" />
        <AliasChips label="Aliases and stage names" />
        <TextField source="brand" />
        <TextField source="documentType" label="Document type" />
        <TextField source="documentNumber" label="Document number" />
        <TextField source="documentIssuer" label="Issued by" />
        <TextField source="documentExpiresOn" label="Document expires on" emptyText="—" />
        <IdCopies />
        <TextField source="releaseVersion" label="Model release version" />
        <ReleaseSignature label="Release signature" />
        <DateField source="recordMadeAt" label="Record made" showTime />
        <DateField source="supersededAt" label="Superseded" showTime emptyText="—" />
        <Custodian label="Custodian of records" />
        <TextField source="personId" label="Person id" />
      </SimpleShowLayout>
    </Show>
  )
}
