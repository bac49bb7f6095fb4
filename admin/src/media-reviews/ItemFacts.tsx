import type { ReactNode } from 'react'
import { Box, Chip, Stack, Typography } from '@mui/material'
import { formatMinor } from '../money'
import { formatBytes, formatDateTime, formatDuration } from './format'
import type { MediaReviewDetail } from './types'
import { reasonLabel } from './useMediaReasons'

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }} data-testid={testId}>{children}</Typography>
    </>
  )
}

const price = (item: MediaReviewDetail) =>
  item.access === 'ppv' ? `pay per view · ${item.priceMinor !== null && item.currency ? formatMinor(item.priceMinor, item.currency) : 'no price'}` : 'subscribers'

/** What the creator said about the item and what the pipeline measured, as the moderator needs them to judge it. */
export function ItemFacts({ item }: { item: MediaReviewDetail }) {
  const { probe } = item
  return (
    <Box component="dl" data-testid="item-facts" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
      <Fact label="Title" testId="fact-title">{item.title}</Fact>
      <Fact label="Caption">{item.caption || '—'}</Fact>
      <Fact label="Tags">
        {item.tags.length === 0 ? '—' : (
          <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {item.tags.map((tag) => <Chip key={tag} size="small" label={tag} />)}
          </Stack>
        )}
      </Fact>
      <Fact label="Creator" testId="fact-creator">{item.creatorName ?? '—'} <Typography component="span" variant="caption" color="text.secondary">{item.creatorId}</Typography></Fact>
      <Fact label="Brand">{item.brand}</Fact>
      <Fact label="Access">{price(item)}</Fact>
      <Fact label="File">{item.fileName} · {item.contentType} · {formatBytes(item.sizeBytes)}</Fact>
      <Fact label="Duration">{formatDuration(probe?.durationSeconds)}</Fact>
      <Fact label="Video">{probe?.video ? `${probe.video.codec} ${probe.video.width}×${probe.video.height} @ ${Math.round(probe.video.fps * 100) / 100} fps` : '—'}</Fact>
      <Fact label="Audio">{probe?.audio?.codec ?? 'none'}</Fact>
      <Fact label="Renditions">
        {item.renditions.length === 0 ? '—' : item.renditions.map((r) => `${r.name} (${r.width}×${r.height}, ${Math.round(r.bandwidth / 1000)} kb/s)`).join(', ')}
      </Fact>
      <Fact label="Uploaded">{formatDateTime(item.createdAt)}</Fact>
      {item.failureCode && <Fact label="Failure">{item.failureCode}: {item.failureReason ?? ''}</Fact>}
      {item.decision && <Fact label="Decision" testId="fact-decision">{item.decision} · {reasonLabel(item.decisionReason)} · {formatDateTime(item.decidedAt)}</Fact>}
      {item.appealDeadline && <Fact label="Appeal window">until {formatDateTime(item.appealDeadline)}</Fact>}
      {item.publishedAt && <Fact label="Published">{formatDateTime(item.publishedAt)}</Fact>}
      {item.takenDownAt && <Fact label="Taken down">{formatDateTime(item.takenDownAt)}</Fact>}
    </Box>
  )
}
