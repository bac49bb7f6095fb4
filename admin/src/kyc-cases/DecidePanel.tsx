import type { FormEvent } from 'react'
import { useState } from 'react'
import { Alert, Button, Card, CardContent, CardHeader, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material'
import { HttpError, useLogoutIfAccessDenied, useNotify, useRecordContext, useRefresh } from 'react-admin'
import { errorMessage, httpClient } from '../http-client'
import type { Decision, KycCase, ReasonCode } from './types'
import { DECISION_LABELS, decisionsFor, REASONS_BY_DECISION } from './types'

const MIN_REASON = 3

/** The compliance decision on an open case: approve, decline or ask for new documents, always with a reason. */
export function DecidePanel() {
  const kycCase = useRecordContext<KycCase>()
  const allowed = kycCase ? decisionsFor(kycCase.status) : []
  if (!kycCase || allowed.length === 0) return null
  // a new form per case and status, so a choice made for a different state never carries over
  return <DecideForm key={`${kycCase.id}:${kycCase.status}`} kycCase={kycCase} allowed={allowed} />
}

function DecideForm({ kycCase, allowed }: { kycCase: KycCase; allowed: Decision[] }) {
  const [decision, setDecision] = useState<Decision>(allowed[0] as Decision)
  const [reasonCode, setReasonCode] = useState<ReasonCode>(REASONS_BY_DECISION[decision][0] as ReasonCode)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()

  const choose = (next: Decision | null) => {
    if (!next) return
    setDecision(next)
    setReasonCode(REASONS_BY_DECISION[next][0] as ReasonCode)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await httpClient(`/api/kyc-cases/${encodeURIComponent(kycCase.id)}/decision`, {
        method: 'POST',
        body: JSON.stringify({ decision, reasonCode, reason: reason.trim() }),
      })
      notify(`Case ${DECISION_LABELS[decision].toLowerCase()}: recorded`, { type: 'success' })
      refresh()
    } catch (caught) {
      if (await logoutIfAccessDenied(caught)) return
      setError(errorMessage(caught))
      // CASE_CLOSED / CASE_NOT_IN_REVIEW: someone or something decided first; show the case as it is now
      if (caught instanceof HttpError && caught.status === 409) refresh()
    } finally {
      setBusy(false)
    }
  }

  const valid = reason.trim().length >= MIN_REASON
  return (
    <Card sx={{ ml: { md: 2 }, mt: { xs: 2, md: 0 }, width: { md: 340 }, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="kyc-decide-panel" data-status={kycCase.status}>
      <CardHeader title="Decide" subheader={allowed.length === 1 ? 'The applicant has not finished; the case can only be declined.' : 'The provider could not decide this case.'} />
      <CardContent>
        <Stack component="form" spacing={2} onSubmit={(event) => void submit(event)} noValidate>
          <ToggleButtonGroup exclusive orientation="vertical" size="small" value={decision} onChange={(_, next: Decision | null) => choose(next)} aria-label="Decision">
            {allowed.map((d) => (
              <ToggleButton key={d} value={d} data-testid={`kyc-decision-${d}`} aria-label={DECISION_LABELS[d]}>{DECISION_LABELS[d]}</ToggleButton>
            ))}
          </ToggleButtonGroup>
          <TextField select id="kyc-reason-code" label="Reason code" value={reasonCode} onChange={(e) => setReasonCode(e.target.value as ReasonCode)}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'kyc-reason-code' }, inputLabel: { shrink: true } }}>
            {REASONS_BY_DECISION[decision].map((code) => <option key={code} value={code}>{code.replaceAll('_', ' ').toLowerCase()}</option>)}
          </TextField>
          <TextField label="Reason" multiline minRows={3} required value={reason} onChange={(e) => setReason(e.target.value)}
            helperText={`Kept in the audit trail and the workflow history (at least ${MIN_REASON} characters).`}
            slotProps={{ htmlInput: { 'data-testid': 'kyc-reason', maxLength: 2000 } }} />
          {error && <Alert severity="error" data-testid="kyc-decision-error">{error}</Alert>}
          <Button type="submit" variant="contained" disabled={!valid || busy} data-testid="kyc-decision-submit"
            color={decision === 'approve' ? 'success' : decision === 'decline' ? 'error' : 'primary'}>
            {busy ? 'Recording…' : DECISION_LABELS[decision]}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  )
}
