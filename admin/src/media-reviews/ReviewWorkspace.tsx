import { useEffect, useRef, useState } from 'react'
import { Alert, Box, Card, CardContent, Grid, Typography } from '@mui/material'
import { useGetIdentity, usePermissions, useRecordContext } from 'react-admin'
import type { RoleGrant } from '../session'
import { canTakeDown } from './access'
import { FindingsPanel } from './FindingsPanel'
import { formatDateTime } from './format'
import { HlsPlayer } from './HlsPlayer'
import { IngestProgressPanel } from './IngestProgressPanel'
import { ItemFacts } from './ItemFacts'
import { NoteForm } from './NoteForm'
import { PerformersTable } from './PerformersTable'
import type { ActionKind } from './review-actions'
import { actionsFor } from './review-actions'
import { ReviewActions } from './ReviewActions'
import { ReviewTrail } from './ReviewTrail'
import { ShortcutsHelpDialog } from './ShortcutsHelpDialog'
import { Storyboard } from './Storyboard'
import type { MediaReviewDetail, MediaView } from './types'
import { appealPending, withDetailDefaults } from './types'
import { useAssignment } from './useAssignment'
import { useQueueNavigation } from './useQueueNavigation'
import { useReviewShortcuts } from './useReviewShortcuts'
import { WorkspaceHeader } from './WorkspaceHeader'

/** The moderator's workspace for the record of the show page; a fresh one per item, so nothing carries over. */
export function ReviewWorkspace() {
  const item = useRecordContext<MediaView & Partial<MediaReviewDetail>>()
  return item ? <Workspace key={item.id} item={withDetailDefaults(item)} /> : null
}

// every GET signs a new playlist URL; keep the first one so a refresh (a note, an assignment) does not restart playback
function useFirstUrl(url: string | null): string | null {
  const [first, setFirst] = useState(url)
  useEffect(() => {
    if (!first && url) setFirst(url)
  }, [first, url])
  return first
}

/** Where a rejected item's outputs stand: kept while it may be appealed, purged after (the trail stays). */
function QuarantineNote({ item }: { item: MediaReviewDetail }) {
  const text = item.purgedAt ? `Outputs purged ${formatDateTime(item.purgedAt)}; the trail is kept.`
    : item.appealDeadline && Date.parse(item.appealDeadline) > Date.now()
      ? `Quarantined: kept, not purged, until the appeal window closes ${formatDateTime(item.appealDeadline)}.`
      : 'The appeal window has closed; the outputs are being purged.'
  return <Alert severity="info" sx={{ mb: 2 }} data-testid="quarantine-note">{text}</Alert>
}

function Workspace({ item }: { item: MediaReviewDetail }) {
  const videoRef = useRef<HTMLVideoElement>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const [dialog, setDialog] = useState<ActionKind | null>(null)
  const [help, setHelp] = useState(false)
  const { permissions } = usePermissions<RoleGrant[]>()
  const { identity } = useGetIdentity()
  const assignment = useAssignment(item.id)
  const { go } = useQueueNavigation(item.id)
  const src = useFirstUrl(item.previewPlaylistUrl)
  const available = actionsFor(item, canTakeDown(permissions))
  const offer = (kind: ActionKind) => (available.includes(kind) ? () => setDialog(kind) : undefined)
  const me = identity ? String(identity.id) : undefined
  const canTake = (item.status === 'IN_REVIEW' || appealPending(item)) && item.assigneeId !== me

  useReviewShortcuts({
    a: offer('approve'), r: offer('reject'), e: offer('escalate'),
    n: () => noteRef.current?.focus(),
    m: canTake ? () => void assignment.assignToMe() : undefined,
    j: () => void go(1), k: () => void go(-1),
    '?': () => setHelp(true),
  }, dialog === null && !help)

  const seek = (seconds: number) => {
    const video = videoRef.current
    if (!video) return
    video.currentTime = seconds
    video.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }
  const processing = item.progress && ['UPLOADING', 'PROCESSING'].includes(item.status)

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="review-workspace" data-id={item.id} data-status={item.status}>
      <WorkspaceHeader item={item} me={me} assignment={assignment}
        onPrevious={() => void go(-1)} onNext={() => void go(1)} onHelp={() => setHelp(true)}>
        <ReviewActions item={item} available={available} open={dialog} onOpen={setDialog} onDecided={() => void go(1, true)} />
      </WorkspaceHeader>
      {item.escalatedAt && item.status === 'IN_REVIEW' && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="escalated-alert">Escalated {formatDateTime(item.escalatedAt)}: compliance or a senior moderator decides.</Alert>
      )}
      {item.status === 'REJECTED' && <QuarantineNote item={item} />}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <HlsPlayer src={src} poster={item.thumbnailUrl} videoRef={videoRef} />
          <Box sx={{ my: 2 }}>
            <Storyboard spriteUrl={item.spriteUrl} spriteVttUrl={item.spriteVttUrl} thumbnailUrl={item.thumbnailUrl} onSeek={seek} />
          </Box>
          {processing && item.progress && <Box sx={{ mb: 2 }}><IngestProgressPanel progress={item.progress} /></Box>}
          <FindingsPanel findings={item.findings} onSeek={seek} />
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card variant="outlined" sx={{ mb: 2 }}><CardContent><ItemFacts item={item} /></CardContent></Card>
          <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
              <Typography component="h2" variant="h6" sx={{ mb: 1 }}>Performers (2257)</Typography>
              <PerformersTable performers={item.performers} />
            </CardContent>
          </Card>
          <Box sx={{ mb: 2 }}><NoteForm mediaId={item.id} inputRef={noteRef} /></Box>
          <ReviewTrail events={item.events} />
        </Grid>
      </Grid>
      <ShortcutsHelpDialog open={help} onClose={() => setHelp(false)} />
    </Box>
  )
}
