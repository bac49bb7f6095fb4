import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import type { KycEvidence } from './types'

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLocaleLowerCase() === (b ?? '').trim().toLocaleLowerCase()

type Row = { label: string; declared?: string | null; provider: string | null | undefined; compare?: boolean }

/** What the applicant declared beside what the provider read from the document, then the provider's and our verdicts. */
export function EvidencePanel({ evidence }: { evidence: KycEvidence | null }) {
  if (!evidence) return <Typography variant="body2" color="text.secondary" data-testid="kyc-evidence-empty">No evidence yet.</Typography>
  const { declared, provider, assessment } = evidence
  const person = provider?.person
  const doc = person?.document
  const rows: Row[] = [
    { label: 'First name', declared: declared?.firstName, provider: person?.firstName, compare: true },
    { label: 'Last name', declared: declared?.lastName, provider: person?.lastName, compare: true },
    { label: 'Date of birth', provider: person?.dateOfBirth },
    { label: 'Document type', provider: doc?.type?.replaceAll('_', ' ') },
    { label: 'Document number', provider: doc?.number },
    { label: 'Issuing country', provider: doc?.issuingCountry },
    { label: 'Valid until', provider: doc?.validUntil },
    { label: 'Liveness', provider: provider?.liveness?.replaceAll('_', ' ') },
  ]
  return (
    <Stack spacing={2} data-testid="kyc-evidence">
      <Table size="small">
        <TableHead>
          <TableRow><TableCell /><TableCell>Declared</TableCell><TableCell>Provider read</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const mismatch = row.compare && declared && person && !same(row.declared, row.provider)
            return (
              <TableRow key={row.label} data-testid={`kyc-evidence-${row.label.toLowerCase().replaceAll(' ', '-')}`} data-mismatch={mismatch ? 'true' : 'false'}>
                <TableCell component="th" scope="row">{row.label}</TableCell>
                <TableCell>{row.declared ?? (row.compare ? '—' : '')}</TableCell>
                <TableCell>
                  {row.provider ?? '—'}
                  {mismatch && <Chip size="small" color="warning" label="differs" sx={{ ml: 1 }} />}
                </TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
      {provider && (
        <Typography variant="body2" data-testid="kyc-provider-verdict">
          Provider: <strong>{provider.status}</strong>{provider.reasonCode ? ` · ${provider.reasonCode}` : ''}{provider.reason ? ` — ${provider.reason}` : ''}
          {provider.decidedAt ? ` (${new Date(provider.decidedAt).toLocaleString()})` : ''}
        </Typography>
      )}
      {(provider?.riskLabels?.length ?? 0) > 0 && (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="kyc-risk-labels">
          {provider?.riskLabels?.map((label) => <Chip key={label} size="small" color="error" variant="outlined" label={label.replaceAll('_', ' ')} />)}
        </Stack>
      )}
      {assessment && (
        <Typography variant="body2" data-testid="kyc-assessment">
          Our checks: <strong>{assessment.outcome}</strong>{assessment.reasonCode ? ` · ${assessment.reasonCode}` : ''}{assessment.reason ? ` — ${assessment.reason}` : ''}
        </Typography>
      )}
    </Stack>
  )
}
