import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { Findings, Flag, Verdict } from './types'

const COLORS: Record<Verdict | Flag, ChipProps['color']> = { pass: 'success', none: 'success', review: 'warning', block: 'error' }

/** The machines' verdict (pass / review / block) as a coloured chip; 'pending' while nothing has scored the item. */
export function VerdictChip({ verdict }: { verdict: Verdict | null | undefined }) {
  if (!verdict) return <Chip size="small" variant="outlined" label="pending" data-testid="verdict-chip" data-verdict="pending" />
  return <Chip size="small" label={verdict} color={COLORS[verdict]} data-testid="verdict-chip" data-verdict={verdict} />
}

/** The category that weighed most: the worst flagged one, else the highest score. */
export function topCategory(findings: Findings | null | undefined): { name: string; score: number; flagged: Flag } | null {
  const entries = Object.entries(findings?.categories ?? {})
  if (entries.length === 0) return null
  const rank = { block: 2, review: 1, none: 0 } as const
  const [name, c] = entries.reduce((best, next) =>
    rank[next[1].flagged] > rank[best[1].flagged] || (rank[next[1].flagged] === rank[best[1].flagged] && next[1].score > best[1].score) ? next : best)
  return { name, score: c.score, flagged: c.flagged }
}

/** The top category with its score, coloured by how it was flagged. */
export function TopCategory({ findings }: { findings: Findings | null | undefined }) {
  const top = topCategory(findings)
  if (!top) return <span>—</span>
  return (
    <Chip size="small" variant={top.flagged === 'none' ? 'outlined' : 'filled'} color={top.flagged === 'none' ? 'default' : COLORS[top.flagged]}
      label={`${top.name} ${top.score.toFixed(2)}`} data-testid="top-category" data-category={top.name} />
  )
}
