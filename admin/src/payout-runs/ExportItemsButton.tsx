import { useState } from 'react'
import { Button } from '@mui/material'
import DownloadIcon from '@mui/icons-material/Download'
import { useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage } from '../http-client'
import { downloadWithToken } from '../performer-records/download'
import type { PayoutRun } from './types'

/** Every item of the run as CSV for accounting (GET /api/payout-runs/:id/items.csv, with the session's token; audited). */
export function ExportItemsButton({ run }: { run: PayoutRun }) {
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const download = async () => {
    setBusy(true)
    try {
      const name = await downloadWithToken(`/api/payout-runs/${encodeURIComponent(run.id)}/items.csv`, `payout-run-${run.brand}-${run.asOf.slice(0, 10)}.csv`)
      notify(`Downloaded ${name}`, { type: 'success' })
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" variant="outlined" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void download()} data-testid="payout-run-export">
      {busy ? 'Exporting…' : 'Export CSV'}
    </Button>
  )
}
