import type { ReactNode } from 'react'
import { Button, Chip, Paper, Stack, Typography } from '@mui/material'
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd'
import KeyboardIcon from '@mui/icons-material/Keyboard'
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore'
import NavigateNextIcon from '@mui/icons-material/NavigateNext'
import { MediaStatusChip } from './MediaStatusChip'
import { SlaCountdown } from './SlaCountdown'
import type { MediaReviewDetail } from './types'
import { appealPending } from './types'

type Props = {
  item: MediaReviewDetail
  me: string | undefined
  assignment: { busy: boolean; assignToMe: () => Promise<void>; unassign: () => Promise<void> }
  onPrevious: () => void
  onNext: () => void
  onHelp: () => void
  /** the decision buttons */
  children: ReactNode
}

function assigneeText(assigneeId: string | null, me: string | undefined): string {
  if (!assigneeId) return 'Unassigned'
  return assigneeId === me ? 'Assigned to you' : `Assigned to ${assigneeId.slice(0, 8)}`
}

/** The bar that stays on screen: what the item is, its clock, who holds it, the decisions, and queue navigation. */
export function WorkspaceHeader({ item, me, assignment, onPrevious, onNext, onHelp, children }: Props) {
  const assignable = item.status === 'IN_REVIEW' || appealPending(item)
  return (
    <Paper elevation={2} sx={{ position: 'sticky', top: 48, zIndex: 2, p: 1.5, mb: 2 }} data-testid="workspace-header">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="h1" variant="h6" sx={{ mr: 1 }} data-testid="workspace-title">{item.title}</Typography>
        <MediaStatusChip status={item.status} />
        {appealPending(item) && <Chip size="small" color="info" label="appealed" data-testid="appealed-chip" />}
        <SlaCountdown item={item} />
        {assignable && (
          <>
            <Typography variant="body2" color="text.secondary" data-testid="assignee">{assigneeText(item.assigneeId, me)}</Typography>
            {item.assigneeId !== me && (
              <Button size="small" startIcon={<AssignmentIndIcon />} disabled={assignment.busy} onClick={() => void assignment.assignToMe()} aria-keyshortcuts="M">
                Assign to me
              </Button>
            )}
            {item.assigneeId && <Button size="small" disabled={assignment.busy} onClick={() => void assignment.unassign()}>Unassign</Button>}
          </>
        )}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto', alignItems: 'center' }}>
          {children}
          <Button size="small" startIcon={<NavigateBeforeIcon />} onClick={onPrevious} aria-keyshortcuts="K">Previous</Button>
          <Button size="small" endIcon={<NavigateNextIcon />} onClick={onNext} aria-keyshortcuts="J">Next</Button>
          <Button size="small" startIcon={<KeyboardIcon />} onClick={onHelp} aria-keyshortcuts="?" data-testid="shortcuts-button">Shortcuts</Button>
        </Stack>
      </Stack>
    </Paper>
  )
}
