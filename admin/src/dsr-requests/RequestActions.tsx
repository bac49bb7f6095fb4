import { useState } from 'react'
import { Button, Stack } from '@mui/material'
import BlockIcon from '@mui/icons-material/Block'
import EventRepeatIcon from '@mui/icons-material/EventRepeat'
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser'
import { privacyApi } from './api'
import { CommandDialog } from './CommandDialog'
import { formatDaysLeft } from './DaysLeft'
import type { PrivacyRequest } from './types'
import { canReject, isOpen, VERIFICATION } from './types'

type Command = 'extend' | 'verify' | 'reject'

/** Extend deadline while the request is open, Mark verified while the identity check is pending, Reject until the work is done. */
export function RequestActions({ request }: { request: PrivacyRequest }) {
  const [open, setOpen] = useState<Command | null>(null)
  if (!isOpen(request.status)) return null
  const close = () => setOpen(null)
  const who = request.personEmail
  return (
    <Stack direction="row" spacing={1} data-testid="dsr-actions">
      <Button variant="outlined" startIcon={<EventRepeatIcon />} onClick={() => setOpen('extend')} data-testid="dsr-extend">Extend deadline</Button>
      {request.verification === VERIFICATION.pending && (
        <Button variant="contained" color="success" startIcon={<VerifiedUserIcon />} onClick={() => setOpen('verify')} data-testid="dsr-verify">Mark verified</Button>
      )}
      {canReject(request.status) && (
        <Button variant="outlined" color="error" startIcon={<BlockIcon />} onClick={() => setOpen('reject')} data-testid="dsr-reject">Reject</Button>
      )}

      <CommandDialog open={open === 'extend'} onClose={close} testId="dsr-extend" askDays textLabel="Reason" confirmLabel="Extend"
        title={`Extend the ${request.jurisdiction} deadline`}
        description={`Due ${new Date(request.dueAt).toLocaleDateString()} (${formatDaysLeft(request.daysLeft)}). The API refuses an extension the jurisdiction does not allow.`}
        onConfirm={async ({ days, text }) => {
          const updated = await privacyApi.extend(request.id, days, text)
          return `Deadline extended by ${days} days, now due ${new Date(updated.dueAt).toLocaleDateString()}`
        }} />
      <CommandDialog open={open === 'verify'} onClose={close} testId="dsr-verify" textLabel="How the identity was verified" confirmLabel="Mark verified"
        confirmColor="success" title={`Verify ${who}`}
        description="Attest that the requester is the person (or their authorised agent); your note is the record of how."
        onConfirm={async ({ text }) => {
          await privacyApi.verify(request.id, text)
          return `Request by ${who} verified`
        }} />
      <CommandDialog open={open === 'reject'} onClose={close} testId="dsr-reject" textLabel="Reason" confirmLabel="Reject request" confirmColor="error"
        title={`Reject the ${request.kind} request of ${who}`}
        description="Only when the request is manifestly unfounded or the identity cannot be verified."
        onConfirm={async ({ text }) => {
          await privacyApi.reject(request.id, text)
          return `Request by ${who} rejected`
        }} />
    </Stack>
  )
}
