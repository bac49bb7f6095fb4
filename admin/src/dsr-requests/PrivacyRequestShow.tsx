import type { ReactNode } from 'react'
import { Alert, Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material'
import { Show, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { Fact } from '../payout-items/Fact'
import { TemporalLink } from '../temporal-link'
import { DsrStatusChip, VerificationChip } from './DsrStatusChip'
import { HoldsTable } from './HoldsTable'
import { ReceiptFacts } from './ReceiptFacts'
import { RequestActions } from './RequestActions'
import { RequestClock } from './RequestClock'
import { StepsTable } from './StepsTable'
import type { PrivacyRequest, PrivacyRequestDetail } from './types'

function Section({ title, subheader, children }: { title: string; subheader?: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'caption' } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  )
}

/** Whether the access archive can be downloaded by the person, and until when. */
function Download({ download }: { download: PrivacyRequest['download'] }) {
  if (!download) return <>—</>
  if (!download.available) return <>not ready</>
  return <>available{download.expiresAt ? ` until ${formatDateTime(download.expiresAt)}` : ''}</>
}

/** Who asked for what, where it stands, and the commands compliance may give it. */
function Header({ request }: { request: PrivacyRequest }) {
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" data-testid="dsr-person-email">{request.personEmail}</Typography>
        <DsrStatusChip status={request.status} />
        <Typography variant="body2" color="text.secondary">{request.kind} · {request.jurisdiction} · {request.brand}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <RequestActions request={request} />
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Kind" testId="dsr-kind">{request.kind}</Fact>
        <Fact label="Verification"><VerificationChip verification={request.verification} method={request.verificationMethod} /></Fact>
        <Fact label="Channel">{request.channel.replaceAll('_', ' ')}</Fact>
        <Fact label="Agent" testId="dsr-agent">{request.agent ? `${request.agent.name} (${request.agent.relationship})` : '—'}</Fact>
        {request.kind === 'access' && <Fact label="Archive" testId="dsr-download"><Download download={request.download} /></Fact>}
        <Fact label="Workflow"><TemporalLink workflowId={request.workflowId} testId="temporal-link-workflowId" /></Fact>
        <Fact label="Person id">{request.personId}</Fact>
      </Stack>
      {request.rejectedReason && <Alert severity="warning" data-testid="dsr-rejected-reason"><strong>Rejected:</strong> {request.rejectedReason}</Alert>}
    </Stack>
  )
}

function Body() {
  const request = useRecordContext<PrivacyRequestDetail>()
  if (!request) return null
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="dsr-show" data-status={request.status}>
      <Header request={request} />
      <Section title="Clock" subheader="The statutory deadline of the jurisdiction, and any extension of it.">
        <RequestClock request={request} />
      </Section>
      <Section title="Systems" subheader="Each system's part of the request; WITHHELD: done except the data a hold keeps.">
        <StepsTable steps={request.steps} kind={request.kind} />
      </Section>
      <Section title="Holds" subheader="What keeps data back from erasure, as evaluated for this request.">
        <HoldsTable holds={request.holds ?? []} />
      </Section>
      <Section title="Receipt">
        <ReceiptFacts receipt={request.receipt} />
      </Section>
    </Stack>
  )
}

/** One privacy request: the facts, the clock, each system's progress, the holds, the signed receipt and the workflow run. */
export function PrivacyRequestShow() {
  return (
    <Show title="Privacy request">
      <Body />
    </Show>
  )
}
