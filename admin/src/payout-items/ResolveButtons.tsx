import { useState } from 'react'
import { Button, Stack } from '@mui/material'
import { useNotify, useRefresh } from 'react-admin'
import { DecisionDialog } from '../media-reviews/DecisionDialog'
import { formatMinor } from '../money'
import { payoutApi } from './api'
import type { PayoutItem } from './types'
import { payoutAmount } from './types'

type Outcome = 'settled' | 'failed'
const SPECS = {
  settled: { label: 'Mark paid', color: 'success', done: 'Marked paid',
    description: 'The rail confirmed the creator received it: the payout is settled in the ledger.' },
  failed: { label: 'Mark not paid', color: 'error', done: 'Marked not paid',
    description: 'The rail confirmed nothing was paid: the amount goes back to the creator’s available balance for the next run.' },
} as const

/** For a payout in transit the rail never confirmed: finance says what the rail told them, with a note for the audit log. */
export function ResolveButtons({ item }: { item: PayoutItem }) {
  const [open, setOpen] = useState<Outcome | null>(null)
  const [shown, setShown] = useState<Outcome>('settled')
  const notify = useNotify()
  const refresh = useRefresh()
  if (item.status !== 'UNCONFIRMED') return null
  const amount = formatMinor(payoutAmount(item), item.currency)
  const choose = (o: Outcome) => { setShown(o); setOpen(o) }
  const spec = SPECS[open ?? shown]
  return (
    <>
      <Stack direction="row" spacing={1} data-testid="payout-resolve-buttons">
        <Button variant="contained" color="success" onClick={() => choose('settled')} data-testid="payout-mark-paid">Mark paid</Button>
        <Button variant="outlined" color="error" onClick={() => choose('failed')} data-testid="payout-mark-not-paid">Mark not paid</Button>
      </Stack>
      <DecisionDialog open={open !== null} title={`${spec.label}: ${amount}`} description={spec.description} confirmColor={spec.color}
        reasons={null} noteRequired onClose={() => setOpen(null)}
        onConfirm={async ({ note }) => {
          const outcome = open ?? shown
          await payoutApi.resolve(item.id, outcome, note)
          setOpen(null)
          notify(`${SPECS[outcome].done}: ${amount}`, { type: 'success' })
          refresh()
        }} />
    </>
  )
}
