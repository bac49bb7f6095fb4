import { Chip, Typography } from '@mui/material'
import { BooleanField, DateField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin'
import { formatMinor } from '../money'
import { TemporalLinkField } from '../temporal-link'
import { CycleTable } from './CycleTable'
import { periodLabel } from './SubscriptionList'
import { SubscriptionStatusChip } from './SubscriptionStatusChip'
import type { SubscriptionDetail } from './types'

const ACCESS_COLORS = { FULL: 'success', RESTRICTED: 'warning', NONE: 'default' } as const

function Status(_: { label?: string }) {
  const s = useRecordContext<SubscriptionDetail>()
  return s ? <SubscriptionStatusChip status={s.status} /> : null
}

function Price(_: { label?: string }) {
  const s = useRecordContext<SubscriptionDetail>()
  if (!s) return null
  return <span>{s.planName ?? s.planId} · {s.tierName} · {formatMinor(s.price, s.currency)} {periodLabel(s.periodMonths)}{s.promoCode ? ` (code ${s.promoCode})` : ''}</span>
}

/** What the fan may see now, as the entitlement row (one read for every access check) says. */
function Access(_: { label?: string }) {
  const s = useRecordContext<SubscriptionDetail>()
  if (!s) return null
  if (!s.entitlement) return <Typography variant="body2" color="text.secondary">None recorded yet.</Typography>
  const { access, validUntil } = s.entitlement
  return (
    <span data-testid="subscription-access" data-access={access}>
      <Chip size="small" label={access} color={ACCESS_COLORS[access]} />
      {validUntil && access !== 'NONE' && <Typography component="span" variant="body2" sx={{ ml: 1 }}>until {new Date(validUntil).toLocaleString()}</Typography>}
    </span>
  )
}

/** The workflow's own view right now: dunning step, pending price or tier change, shares still held (absent when it cannot be asked). */
function LiveState(_: { label?: string }) {
  const s = useRecordContext<SubscriptionDetail>()
  if (!s) return null
  const state = s.state
  if (!state) return <Typography variant="body2" color="text.secondary">The workflow could not be asked just now.</Typography>
  const lines = [
    `${state.status}, cycle ${state.cycle}${state.cancelAtPeriodEnd ? ', ends at the period end' : ''}`,
    state.dunning && `dunning: ${state.dunning.step} after ${state.dunning.attempts} retries (failed ${new Date(state.dunning.failedAt).toLocaleString()})`,
    state.pendingPrice && `new price ${formatMinor(state.pendingPrice.amount, s.currency)} from ${new Date(state.pendingPrice.effectiveFrom).toLocaleDateString()}`,
    state.pendingTierId && `moves to tier ${state.pendingTierId} at the period end`,
    state.pausedAt && `paused until ${state.resumeAt ? new Date(state.resumeAt).toLocaleDateString() : '—'}`,
    state.subscriptionRef && `processor subscription ${state.subscriptionRef}`,
    state.holds.length > 0 && `${state.holds.length} creator share(s) held for the chargeback window`,
  ].filter(Boolean)
  return <div data-testid="subscription-live-state">{lines.map((l) => <Typography key={String(l)} variant="body2">{l}</Typography>)}</div>
}

function Cycles() {
  const s = useRecordContext<SubscriptionDetail>()
  return s ? <Labeled label="Billing history"><CycleTable cycles={s.cycles} /></Labeled> : null
}

/** One subscription: state, price, access, the workflow that runs it and every billing event with the run that booked it. */
export function SubscriptionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <Status label="Status" />
        <Price label="Plan" />
        <Access label="Current access" />
        <LiveState label="Workflow state" />
        <TemporalLinkField source="workflowId" label="Workflow" />
        <TextField source="processor" />
        <TextField source="renewalMode" label="Renewals" />
        <BooleanField source="cancelAtPeriodEnd" label="Cancels at period end" />
        <DateField source="currentPeriodStart" label="Period from" showTime emptyText="—" />
        <DateField source="currentPeriodEnd" label="Period to" showTime emptyText="—" />
        <DateField source="nextBillingAt" label="Next billing" showTime emptyText="—" />
        <TextField source="endReason" emptyText="—" />
        <TextField source="brand" />
        <TextField source="fanId" label="Fan id" />
        <TextField source="creatorId" label="Creator id" />
        <DateField source="createdAt" showTime />
        <Cycles />
      </SimpleShowLayout>
    </Show>
  )
}
