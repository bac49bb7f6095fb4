import type { ReactNode } from 'react'
import { Alert, Box, Chip, Stack, Typography } from '@mui/material'
import { CategoryScores } from './CategoryScores'
import { BlocklistTable, FrameScoresTable } from './FindingsTables'
import { formatScore } from './format'
import type { Findings } from './types'
import { VerdictChip } from './VerdictChip'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="h3" variant="subtitle2" sx={{ mb: 1 }}>{title}</Typography>
      {children}
    </Box>
  )
}

/** What the machines found: verdict, category scores against thresholds, block-list hits, frame scores, text, reasons. */
export function FindingsPanel({ findings, onSeek }: { findings: Findings | null; onSeek: (seconds: number) => void }) {
  const text = Object.entries(findings?.text ?? {}).filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1])
  return (
    <Box component="section" aria-labelledby="machine-findings-heading" data-testid="machine-findings">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography id="machine-findings-heading" component="h2" variant="h6">Machine findings</Typography>
        <VerdictChip verdict={findings?.verdict} />
        {findings && <Typography variant="caption" color="text.secondary">policy v{findings.policyVersion} · {findings.brand}</Typography>}
      </Stack>
      {!findings ? (
        <Alert severity="info">The item has not been scored yet.</Alert>
      ) : (
        <Stack spacing={3}>
          {findings.reasons.length > 0 && (
            <Section title="Reasons">
              <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="findings-reasons">
                {findings.reasons.map((reason) => <Typography component="li" variant="body2" key={reason}>{reason}</Typography>)}
              </Box>
            </Section>
          )}
          <Section title="Categories"><CategoryScores categories={findings.categories} /></Section>
          <Section title="Block-list matches"><BlocklistTable matches={findings.blocklistMatches} onSeek={onSeek} /></Section>
          <Section title="Title, caption and tags">
            {text.length === 0 ? (
              <Typography variant="body2" color="text.secondary">Nothing flagged in the text.</Typography>
            ) : (
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="findings-text">
                {text.map(([category, score]) => {
                  const limits = findings.categories[category]
                  const color = limits?.block != null && score >= limits.block ? 'error' : limits?.review != null && score >= limits.review ? 'warning' : 'default'
                  return <Chip key={category} size="small" color={color} variant="outlined" label={`${category} ${formatScore(score)}`} />
                })}
              </Stack>
            )}
          </Section>
          <Section title="Frames"><FrameScoresTable frames={findings.frames} categories={findings.categories} onSeek={onSeek} /></Section>
        </Stack>
      )}
    </Box>
  )
}
