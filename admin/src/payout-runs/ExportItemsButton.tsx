import { Button } from '@mui/material'
import DownloadIcon from '@mui/icons-material/Download'
import { useTokenDownload } from '../performer-records/download'
import type { PayoutRun } from './types'

/** Every item of the run as CSV for accounting (GET /api/payout-runs/:id/items.csv, with the session's token; audited). */
export function ExportItemsButton({ run }: { run: PayoutRun }) {
  const { busy, download } = useTokenDownload()
  const exportItems = () => download(`/api/payout-runs/${encodeURIComponent(run.id)}/items.csv`, `payout-run-${run.brand}-${run.asOf.slice(0, 10)}.csv`)
  return (
    <Button size="small" variant="outlined" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void exportItems()} data-testid="payout-run-export">
      {busy ? 'Exporting…' : 'Export CSV'}
    </Button>
  )
}
