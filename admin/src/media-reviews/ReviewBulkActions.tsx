import { useState } from 'react'
import { Button } from '@mui/material'
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd'
import BlockIcon from '@mui/icons-material/Block'
import CheckIcon from '@mui/icons-material/Check'
import { useListContext, useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin'
import { errorMessage } from '../http-client'
import type { DecisionInput } from './api'
import { reviewApi } from './api'
import { BulkFailuresDialog } from './BulkFailuresDialog'
import { DecisionDialog } from './DecisionDialog'
import type { BulkResult, MediaView } from './types'
import { useMediaReasons } from './useMediaReasons'

const plural = (n: number) => (n === 1 ? '1 item' : `${n} items`)

/** Approve, reject (with a reason) or take the selected items; each item succeeds or fails on its own. */
export function ReviewBulkActions() {
  const { selectedIds, data, onSelect } = useListContext<MediaView>()
  // how many were selected when the reject dialog opened (null: closed); the selection shrinks to the failures after
  const [rejecting, setRejecting] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [failures, setFailures] = useState<BulkResult[]>([])
  const reasons = useMediaReasons()
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const ids = selectedIds.map(String)

  const report = (results: BulkResult[], done: string) => {
    const failed = results.filter((r) => !r.ok)
    const succeeded = results.length - failed.length
    if (succeeded > 0) notify(`${done}: ${plural(succeeded)}`, { type: failed.length ? 'warning' : 'success' })
    onSelect(failed.map((f) => f.id))
    setFailures(failed)
    refresh()
  }

  const decide = async (input: DecisionInput, done: string) => report(await reviewApi.bulkDecide(ids, input), done)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    try {
      await action()
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    } finally {
      setBusy(false)
    }
  }

  // no bulk endpoint for assignment: one call per item, reported the same way as a bulk decision
  const assignToMe = async () => {
    const settled = await Promise.allSettled(ids.map((id) => reviewApi.assign(id, 'me')))
    report(settled.map((s, i) => ({ id: ids[i] as string, ok: s.status === 'fulfilled', message: s.status === 'rejected' ? errorMessage(s.reason) : undefined })), 'Assigned to you')
  }

  const titleOf = (id: string) => data?.find((item) => String(item.id) === id)?.title ?? id
  return (
    <>
      <Button size="small" color="success" startIcon={<CheckIcon />} disabled={busy}
        onClick={() => void run(() => decide({ decision: 'approve', reasonCode: 'LOOKS_FINE', note: '' }, 'Approved'))} data-testid="bulk-approve">
        Approve
      </Button>
      <Button size="small" color="error" startIcon={<BlockIcon />} disabled={busy} onClick={() => setRejecting(ids.length)} data-testid="bulk-reject">Reject</Button>
      <Button size="small" startIcon={<AssignmentIndIcon />} disabled={busy} onClick={() => void run(assignToMe)} data-testid="bulk-assign">Assign to me</Button>
      <DecisionDialog open={rejecting !== null} title={`Reject ${plural(rejecting ?? ids.length)}`} confirmColor="error" reasons={reasons.reject}
        noteRequired={(code) => reasons.noteRequired.includes(code)} onClose={() => setRejecting(null)}
        onConfirm={async ({ reasonCode, note }) => {
          await decide({ decision: 'reject', reasonCode, note }, 'Rejected')
          setRejecting(null)
        }} />
      <BulkFailuresDialog failures={failures} titleOf={titleOf} onClose={() => setFailures([])} />
    </>
  )
}
