import type { MouseEvent } from 'react'
import { useState } from 'react'
import { Button, Menu, MenuItem } from '@mui/material'
import DownloadIcon from '@mui/icons-material/Download'
import { useTokenDownload } from './download'
import type { ExportFormat, ExportIndex } from './types'
import { EXPORT_FORMATS, EXPORT_INDEXES } from './types'

const OPTIONS = (Object.keys(EXPORT_INDEXES) as ExportIndex[]).flatMap((by) => EXPORT_FORMATS.map((format) => ({ by, format })))

/** The custodian's export of the 2257 indexes (by performer or by alias), as CSV or JSON. */
export function ExportRecordsButton() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const { busy, download: fetchFile } = useTokenDownload()

  const download = (by: ExportIndex, format: ExportFormat) => {
    setAnchor(null)
    return fetchFile(`/api/performer-records/export?by=${by}&format=${format}`, `performer-records-by-${by}.${format}`)
  }

  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} disabled={busy} onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
        aria-haspopup="menu" data-testid="performer-records-export">
        {busy ? 'Exporting…' : 'Export index'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {OPTIONS.map(({ by, format }) => (
          <MenuItem key={`${by}-${format}`} onClick={() => void download(by, format)} data-testid={`performer-records-export-${by}-${format}`}>
            {EXPORT_INDEXES[by]} · {format.toUpperCase()}
          </MenuItem>
        ))}
      </Menu>
    </>
  )
}
