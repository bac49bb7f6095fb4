import { useState } from 'react'
import { Box, Button, Stack, Tooltip } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import CloseIcon from '@mui/icons-material/Close'
import { useNotify, useRefresh } from 'react-admin'
import { DecisionDialog } from '../media-reviews/DecisionDialog'
import { formatMinor } from '../money'
import { session } from '../session'
import type { PayoutDecisionKind } from './api'
import { payoutApi } from './api'
import type { PayoutItem } from './types'
import { payoutAmount } from './types'

const SPECS = {
  approve: { label: 'Approve', color: 'success', done: 'Approved',
    description: 'The gates are checked again before sending, and never more than this amount is paid.' },
  reject: { label: 'Reject', color: 'error', done: 'Rejected',
    description: 'Nothing is sent; the money stays in the creator’s available balance. Say why: the note is kept in the audit log.' },
} as const

type Props = { item: PayoutItem; size?: 'small' | 'medium' }

/** Approve / Reject of a payout waiting for finance, each through a confirm dialog (a rejection needs a note). */
export function DecisionButtons({ item, size = 'small' }: Props) {
  const [open, setOpen] = useState<PayoutDecisionKind | null>(null)
  // the last decision stays on the dialog while it animates closed
  const [shown, setShown] = useState<PayoutDecisionKind>('approve')
  const notify = useNotify()
  const refresh = useRefresh()
  if (item.status !== 'AWAITING_APPROVAL') return null

  const who = item.creatorName ?? item.creatorId.slice(0, 8)
  const amount = formatMinor(payoutAmount(item), item.currency)
  // the API refuses it too (403); saying so up front spares the round trip
  const own = session.person()?.id === item.creatorId
  const choose = (decision: PayoutDecisionKind) => {
    setShown(decision)
    setOpen(decision)
  }
  const spec = SPECS[open ?? shown]
  // inside a clickable list row: neither the buttons nor the dialog (a portal, but a child in React's tree) may open the row
  return (
    <Box component="span" onClick={(e) => e.stopPropagation()} sx={{ display: 'inline-block' }}>
      <Tooltip title={own ? 'Nobody approves their own payout.' : ''}>
        <Stack direction="row" spacing={1} data-testid="payout-decision-buttons">
          <Button size={size} variant="contained" color="success" startIcon={<CheckIcon />} disabled={own} onClick={() => choose('approve')}
            data-testid="payout-approve">
            Approve
          </Button>
          <Button size={size} variant="outlined" color="error" startIcon={<CloseIcon />} disabled={own} onClick={() => choose('reject')}
            data-testid="payout-reject">
            Reject
          </Button>
        </Stack>
      </Tooltip>
      <DecisionDialog
        open={open !== null}
        title={`${spec.label} ${amount} to ${who}`}
        description={[item.approvalDetail ?? item.approvalReason, spec.description].filter(Boolean).join(' — ')}
        confirmColor={spec.color}
        reasons={null}
        noteRequired={(open ?? shown) === 'reject'}
        onClose={() => setOpen(null)}
        onConfirm={async ({ note }) => {
          const decision = open ?? shown
          await payoutApi.decide(item.id, decision, note)
          setOpen(null)
          notify(`${SPECS[decision].done}: ${amount} to ${who}`, { type: 'success' })
          // the workflow recorded the decision before answering: the refreshed list shows it
          refresh()
        }}
      />
    </Box>
  )
}
