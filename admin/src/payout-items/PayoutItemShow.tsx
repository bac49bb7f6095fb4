import type { ReactNode } from 'react'
import { Alert, Box, Card, CardContent, CardHeader, Link as MuiLink, Stack, Typography } from '@mui/material'
import { Link, Show, useCreatePath, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { formatMinor } from '../money'
import { TemporalLink } from '../temporal-link'
import { DecisionButtons } from './DecisionButtons'
import { Fact } from './Fact'
import { ResolveButtons } from './ResolveButtons'
import { AttemptsTable, GatesTable, HistoryTable } from './ItemTables'
import { PayoutStatusChip } from './PayoutStatusChip'
import type { PayoutItemDetail } from './types'

function Section({ title, subheader, children }: { title: string; subheader?: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'caption' } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  )
}

/** Who, how much and where it stands, with the decision buttons while it waits for finance. */
function Header({ item }: { item: PayoutItemDetail }) {
  const createPath = useCreatePath()
  const money = (amount: number | null) => (amount === null ? '—' : formatMinor(amount, item.currency))
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" data-testid="payout-creator-name">{item.creatorName ?? item.creatorId}</Typography>
        <PayoutStatusChip status={item.status} />
        <Typography variant="body2" color="text.secondary">{item.brand} · {item.currency}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <DecisionButtons item={item} size="medium" />
        <ResolveButtons item={item} />
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Available at selection" testId="payout-available">{money(item.available)}</Fact>
        <Fact label="Paying" testId="payout-amount">{money(item.amount)}</Fact>
        <Fact label="Reserve kept back">{money(item.reserve)}</Fact>
        <Fact label="Netted (owed back)">{money(item.netted)}</Fact>
        <Fact label="Rail">{item.rail ?? '—'}</Fact>
        <Fact label="Provider ref"><Box component="span" sx={{ fontFamily: 'monospace' }}>{item.providerRef ?? '—'}</Box></Fact>
        <Fact label="Sent">{formatDateTime(item.sentAt)}</Fact>
        <Fact label="Settled">{formatDateTime(item.settledAt)}</Fact>
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Run">
          <MuiLink component={Link} to={createPath({ resource: 'payout-runs', type: 'show', id: item.runId })} data-testid="payout-run-link">Open the run</MuiLink>
        </Fact>
        <Fact label="Workflow"><TemporalLink workflowId={item.workflowId} testId="temporal-link-workflowId" /></Fact>
        <Fact label="Creator id">{item.creatorId}</Fact>
        <Fact label="Created">{formatDateTime(item.createdAt)}</Fact>
        <Fact label="Updated">{formatDateTime(item.updatedAt)}</Fact>
      </Stack>
      {(item.failureCode || item.failureMessage) && (
        <Alert severity={item.status === 'BLOCKED' || item.status === 'EXPIRED' ? 'warning' : 'error'} data-testid="payout-failure-alert">
          <strong>{item.failureCode}</strong> {item.failureMessage}
        </Alert>
      )}
    </Stack>
  )
}

/** Why it waits for approval, or who decided and what they said. */
function Approval({ item }: { item: PayoutItemDetail }) {
  if (!item.approvalReason && !item.decidedAt) return null
  return (
    <Section title="Approval">
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Reason" testId="payout-approval-reason">{item.approvalReason ?? '—'}</Fact>
        <Fact label="Detail">{item.approvalDetail ?? '—'}</Fact>
        {item.decidedAt && <Fact label="Decided">{formatDateTime(item.decidedAt)} by {item.decidedBy ?? '—'}</Fact>}
        {item.decisionNote && <Fact label="Note" testId="payout-decision-note">{item.decisionNote}</Fact>}
      </Stack>
    </Section>
  )
}

function Body() {
  const item = useRecordContext<PayoutItemDetail>()
  if (!item) return null
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="payout-item-show" data-status={item.status}>
      <Header item={item} />
      <Approval item={item} />
      <Section title="Gates" subheader="Checked when the run selected the payout, and again after an approval.">
        <GatesTable gates={item.gates} />
      </Section>
      <Section title="Rail attempts" subheader="In the creator's method order; the next rail is tried when one fails.">
        <AttemptsTable attempts={item.attempts} />
      </Section>
      <Section title="Recent paid payouts" subheader="This creator's last settled payouts, newest first.">
        <HistoryTable history={item.history ?? []} />
      </Section>
    </Stack>
  )
}

/** One creator's payout in one run: the figures, the gates, every rail attempt and the creator's recent history. */
export function PayoutItemShow() {
  return (
    <Show title="Payout">
      <Body />
    </Show>
  )
}
