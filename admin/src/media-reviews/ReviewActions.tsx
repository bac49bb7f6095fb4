import { useState } from 'react'
import { Box, Button, Stack } from '@mui/material'
import { useNotify, useRefresh } from 'react-admin'
import { DecisionDialog } from './DecisionDialog'
import type { ActionKind } from './review-actions'
import { ACTIONS } from './review-actions'
import type { MediaReviewDetail } from './types'
import { useMediaReasons } from './useMediaReasons'

type Props = {
  item: MediaReviewDetail
  available: ActionKind[]
  open: ActionKind | null
  onOpen: (kind: ActionKind | null) => void
  /** called once a queue decision is recorded: moves on to the next item */
  onDecided: () => void
}

/** The decision buttons the item's status allows, and the dialog that asks for reason and note before sending. */
export function ReviewActions({ item, available, open, onOpen, onDecided }: Props) {
  const reasons = useMediaReasons()
  const notify = useNotify()
  const refresh = useRefresh()
  // the last action stays on the dialog while it animates closed
  const [shown, setShown] = useState<ActionKind | null>(open)
  if (open && open !== shown) setShown(open)
  const kind = open ?? shown
  const spec = kind ? ACTIONS[kind] : null

  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="review-actions">
        {available.map((kind) => {
          const action = ACTIONS[kind]
          return (
            <Button key={kind} variant="contained" color={action.color} onClick={() => onOpen(kind)} aria-keyshortcuts={action.shortcut}
              data-testid={`action-${kind}`}
              endIcon={action.shortcut ? <span aria-hidden><Box component="kbd" sx={{ fontSize: '0.7rem', opacity: 0.75, fontFamily: 'monospace' }}>{action.shortcut}</Box></span> : undefined}>
              {action.label}
            </Button>
          )
        })}
      </Stack>
      <DecisionDialog
        open={open !== null}
        title={spec?.title ?? ''}
        description={spec?.description}
        confirmColor={spec?.color}
        reasons={spec ? spec.reasons(reasons) : null}
        noteRequired={spec ? spec.noteRequired(reasons) : false}
        onClose={() => onOpen(null)}
        onConfirm={async (values) => {
          if (!spec) return
          await spec.run(item.id, values)
          onOpen(null)
          if (spec.next) {
            notify(`${spec.done}: “${item.title}”. Next item…`, { type: 'success' })
            onDecided()
          } else {
            notify(`${spec.done}: “${item.title}”`, { type: 'success' })
            refresh()
          }
        }}
      />
    </>
  )
}
