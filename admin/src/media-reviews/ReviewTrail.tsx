import { Box, Stack, Typography } from '@mui/material'
import type { ReviewEvent } from './types'
import { reasonLabel } from './useMediaReasons'

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })

/** Everything people and machines decided about the item, oldest first, with reasons and notes: the evidence of record. */
export function ReviewTrail({ events }: { events: ReviewEvent[] }) {
  return (
    <Box component="section" aria-labelledby="review-trail-heading" data-testid="review-trail">
      <Typography id="review-trail-heading" component="h2" variant="h6" sx={{ mb: 1 }}>Review trail</Typography>
      {events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">Nothing recorded yet.</Typography>
      ) : (
        <Stack component="ol" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {events.map((e) => (
            <Box component="li" key={e.id} data-testid="review-event" data-action={e.action} data-reason={e.reasonCode ?? ''}
              sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, py: 0.5 }}>
              <Typography variant="body2">
                <strong>{e.action.replaceAll('_', ' ')}</strong>
                {e.reasonCode && <> · {reasonLabel(e.reasonCode)} <Typography component="span" variant="caption" color="text.secondary">({e.reasonCode})</Typography></>}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {e.actorName ?? (e.actorId ? e.actorId.slice(0, 8) : 'system')} · <time dateTime={e.createdAt} title={new Date(e.createdAt).toLocaleString()}>{when(e.createdAt)}</time>
              </Typography>
              {e.note && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>{e.note}</Typography>}
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  )
}
