import { useState } from 'react'
import { useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin'
import { errorMessage } from '../http-client'
import { reviewApi } from './api'

/** Take an item (so two moderators do not review it at once) or hand it back. */
export function useAssignment(mediaId: string | undefined) {
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()

  const assign = async (assigneeId: 'me' | null) => {
    if (!mediaId || busy) return
    setBusy(true)
    try {
      await reviewApi.assign(mediaId, assigneeId)
      notify(assigneeId ? 'Assigned to you' : 'Unassigned', { type: 'success' })
      refresh()
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    } finally {
      setBusy(false)
    }
  }
  return { busy, assignToMe: () => assign('me'), unassign: () => assign(null) }
}
