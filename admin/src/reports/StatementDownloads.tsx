import { useState } from 'react'
import { Button, ButtonGroup, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material'
import DownloadIcon from '@mui/icons-material/Download'
import { useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage } from '../http-client'
import { downloadWithToken } from '../performer-records/download'
import type { SeriesQuery } from './types'
import { rangeOf } from './types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Statement = { path: string; name: string; title: string; params: Record<string, string> }

/** The statements finance.ts serves (P&L, balance sheet, a creator's statement) for the page's range, as JSON or CSV. */
export function StatementDownloads({ query }: { query: SeriesQuery }) {
  const [creatorId, setCreatorId] = useState('')
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
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

  const download = async (s: Statement, format: 'json' | 'csv') => {
    try {
      const params = new URLSearchParams({ ...s.params, format })
      await downloadWithToken(`/api/reports/${s.path}?${params}`, `${s.name}-${query.currency}.${format}`)
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    }
  }

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
