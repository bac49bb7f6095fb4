import { Box, Stack, Typography } from '@mui/material'
import { AuthImage } from './AuthImage'

export type MediaItem = { key: string; kind: string; url: string }

/** The captured images of a case or a record (document front and back, face), side by side. */
export function MediaGallery({ items, testId, empty }: { items: MediaItem[]; testId: string; empty: string }) {
  if (items.length === 0) return <Typography variant="body2" color="text.secondary" data-testid={`${testId}-empty`}>{empty}</Typography>
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid={testId}>
      {items.map((item) => (
        <Box key={item.key}>
          <Typography variant="caption" color="text.secondary">{item.kind.replaceAll('_', ' ')}</Typography>
          <AuthImage src={item.url} alt={item.kind.replaceAll('_', ' ')} testId={`${testId}-${item.kind}`} />
        </Box>
      ))}
    </Stack>
  )
}
