import { Box, Stack, Tooltip, Typography } from '@mui/material'
import { formatScore } from './format'
import type { CategoryFinding, Flag } from './types'

const FILL: Record<Flag, string> = { none: 'success.main', review: 'warning.main', block: 'error.main' }
const RANK: Record<Flag, number> = { block: 2, review: 1, none: 0 }
// below this a category is noise; listing thirteen empty bars hides the two that matter
const NOISE = 0.01

const pct = (value: number) => `${Math.min(100, Math.max(0, value * 100))}%`

/** One category: its score as a bar, with the policy's review and block thresholds marked on the track. */
function ScoreBar({ name, finding }: { name: string; finding: CategoryFinding }) {
  return (
    <Box data-testid="category-score" data-category={name} data-flagged={finding.flagged}>
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: finding.flagged === 'none' ? 400 : 600 }}>{name}</Typography>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatScore(finding.score)}
          <Typography component="span" variant="caption" color="text.secondary">
            {finding.review === null && finding.block === null ? ' · not acted on by this brand' : ` · review ≥ ${formatScore(finding.review)} · block ≥ ${formatScore(finding.block)}`}
          </Typography>
        </Typography>
      </Stack>
      <Box role="meter" aria-label={`${name} score`} aria-valuenow={finding.score} aria-valuemin={0} aria-valuemax={1}
        sx={{ position: 'relative', height: 8, borderRadius: 1, bgcolor: 'action.hover', overflow: 'visible' }}>
        <Box sx={{ width: pct(finding.score), height: '100%', borderRadius: 1, bgcolor: FILL[finding.flagged] }} />
        {finding.review !== null && (
          <Tooltip title={`review threshold ${formatScore(finding.review)}`}>
            <Box sx={{ position: 'absolute', top: -3, bottom: -3, width: 2, left: pct(finding.review), bgcolor: 'warning.light' }} />
          </Tooltip>
        )}
        {finding.block !== null && (
          <Tooltip title={`block threshold ${formatScore(finding.block)}`}>
            <Box sx={{ position: 'absolute', top: -3, bottom: -3, width: 2, left: pct(finding.block), bgcolor: 'error.light' }} />
          </Tooltip>
        )}
      </Box>
    </Box>
  )
}

/** Per-category scores against the brand policy's thresholds, flagged ones first. */
export function CategoryScores({ categories }: { categories: Record<string, CategoryFinding> }) {
  const entries = Object.entries(categories).sort(([, a], [, b]) => RANK[b.flagged] - RANK[a.flagged] || b.score - a.score)
  const shown = entries.filter(([, c]) => c.flagged !== 'none' || c.score >= NOISE)
  const quiet = entries.length - shown.length
  return (
    <Stack spacing={1.5} data-testid="category-scores">
      {shown.map(([name, finding]) => <ScoreBar key={name} name={name} finding={finding} />)}
      {quiet > 0 && <Typography variant="caption" color="text.secondary">{quiet} more {quiet === 1 ? 'category' : 'categories'} scored below {NOISE}.</Typography>}
    </Stack>
  )
}
