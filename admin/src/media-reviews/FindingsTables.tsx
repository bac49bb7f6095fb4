import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { formatDuration, formatScore } from './format'
import type { BlocklistMatch, CategoryFinding, FrameScores } from './types'

type Seek = (seconds: number) => void

/** A timestamp that moves the preview there. */
export function SeekLink({ seconds, onSeek }: { seconds: number; onSeek: Seek }) {
  return (
    <Link component="button" type="button" variant="body2" onClick={() => onSeek(seconds)} aria-label={`Seek to ${formatDuration(seconds)}`}
      sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatDuration(seconds)}
    </Link>
  )
}

/** Frames that matched the block list of known prohibited content: where, how close, and to which entry. */
export function BlocklistTable({ matches, onSeek }: { matches: BlocklistMatch[]; onSeek: Seek }) {
  if (matches.length === 0) return <Typography variant="body2" color="text.secondary" data-testid="blocklist-none">No block-list matches.</Typography>
  return (
    <Table size="small" aria-label="Block-list matches" data-testid="blocklist-matches">
      <TableHead>
        <TableRow><TableCell>At</TableCell><TableCell>Category</TableCell><TableCell align="right">Distance</TableCell><TableCell>Frame hash</TableCell><TableCell>Matched</TableCell></TableRow>
      </TableHead>
      <TableBody>
        {matches.map((m) => (
          <TableRow key={`${m.atSeconds}:${m.matched}`} data-testid="blocklist-match" data-category={m.category}>
            <TableCell><SeekLink seconds={m.atSeconds} onSeek={onSeek} /></TableCell>
            <TableCell>{m.category}</TableCell>
            <TableCell align="right">{m.distance}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{m.phash}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{m.matched}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

// the frame table shows the categories that scored highest anywhere; thirteen columns would not fit beside the player
const FRAME_COLUMNS = 5

/** Scores of each sampled frame, in the categories that matter for this item; scores over a threshold stand out. */
export function FrameScoresTable({ frames, categories, onSeek }: { frames: FrameScores[]; categories: Record<string, CategoryFinding>; onSeek: Seek }) {
  if (frames.length === 0) return <Typography variant="body2" color="text.secondary">No frames were scored.</Typography>
  const peak = new Map<string, number>()
  for (const frame of frames) for (const [c, s] of Object.entries(frame.scores)) peak.set(c, Math.max(peak.get(c) ?? 0, s))
  const columns = [...peak.entries()].sort((a, b) => b[1] - a[1]).slice(0, FRAME_COLUMNS).map(([c]) => c)
  const color = (c: string, score: number) => {
    const limits = categories[c]
    if (limits?.block != null && score >= limits.block) return 'error.main'
    return limits?.review != null && score >= limits.review ? 'warning.main' : 'text.primary'
  }
  return (
    <Table size="small" aria-label="Per-frame scores" data-testid="frame-scores">
      <TableHead>
        <TableRow><TableCell>At</TableCell>{columns.map((c) => <TableCell key={c} align="right">{c}</TableCell>)}</TableRow>
      </TableHead>
      <TableBody>
        {frames.map((frame) => (
          <TableRow key={frame.atSeconds} hover>
            <TableCell><SeekLink seconds={frame.atSeconds} onSeek={onSeek} /></TableCell>
            {columns.map((c) => {
              const score = frame.scores[c] ?? 0
              return <TableCell key={c} align="right" sx={{ color: color(c, score), fontVariantNumeric: 'tabular-nums' }}>{formatScore(score)}</TableCell>
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
