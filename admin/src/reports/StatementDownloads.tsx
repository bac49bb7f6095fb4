import { useState } from 'react'
import { Button, ButtonGroup, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material'
import DownloadIcon from '@mui/icons-material/Download'
import { useTokenDownload } from '../performer-records/download'
import { UUID } from '../share-rules/types'
import type { SeriesQuery } from './types'
import { rangeOf } from './types'

type Statement = { path: string; name: string; title: string; params: Record<string, string> }

/** The statements finance.ts serves (P&L, balance sheet, a creator's statement) for the page's range, as JSON or CSV. */
export function StatementDownloads({ query }: { query: SeriesQuery }) {
  const [creatorId, setCreatorId] = useState('')
  const { download: fetchFile } = useTokenDownload({ announce: false })
  const range = rangeOf(query)
  const base = { currency: query.currency, ...(query.brand ? { brand: query.brand } : {}) }
  const statements: Statement[] = [
    { path: 'pnl', name: 'pnl', title: 'Profit and loss for the range', params: { ...base, ...range } },
    { path: 'balance-sheet', name: 'balance-sheet', title: 'Balance sheet at the end of the range', params: { ...base, to: range.to } },
  ]
  if (UUID.test(creatorId)) {
    statements.push({ path: 'creator-statement', name: `statement-${creatorId}`, title: 'Creator statement for the range',
      params: { currency: query.currency, ...range, creatorId } })
  }

  const download = (s: Statement, format: 'json' | 'csv') =>
    fetchFile(`/api/reports/${s.path}?${new URLSearchParams({ ...s.params, format })}`, `${s.name}-${query.currency}.${format}`)

  return (
    <Card data-testid="statement-downloads">
      <CardHeader title="Statements" subheader={`From the ledger, in ${query.currency}`} />
      <CardContent>
        <Stack spacing={1.5}>
          {statements.map((s) => (
            <Stack key={s.path} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ minWidth: 280 }}>{s.title}</Typography>
              <ButtonGroup size="small">
                {(['json', 'csv'] as const).map((format) => (
                  <Button key={format} startIcon={<DownloadIcon />} onClick={() => void download(s, format)} data-testid={`download-${s.path}-${format}`}>
                    {format.toUpperCase()}
                  </Button>
                ))}
              </ButtonGroup>
            </Stack>
          ))}
          <TextField size="small" label="Creator id (for the creator statement)" value={creatorId} onChange={(e) => setCreatorId(e.target.value.trim())}
            sx={{ maxWidth: 420 }} slotProps={{ htmlInput: { 'data-testid': 'statement-creator-id' } }} />
        </Stack>
      </CardContent>
    </Card>
  )
}
