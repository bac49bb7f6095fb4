import { useEffect, useState } from 'react'
import { Alert, Card, CardContent, CardHeader, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material'
import { Title, useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage, httpClient } from '../http-client'
import { formatMinor } from '../money'

/** GET /api/reports/trial-balance: debits and credits per currency over every account. */
type TrialBalance = { rows: { currency: string; debits: number; credits: number; net: number }[]; balanced: boolean }

/** The books at a glance: per currency, total debit and credit balances, and whether they net to zero. */
export function TrialBalancePage() {
  const [report, setReport] = useState<TrialBalance | null>(null)
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()

  useEffect(() => {
    let active = true
    httpClient('/api/reports/trial-balance').then(
      ({ json }) => active && setReport(json as TrialBalance),
      async (error: unknown) => {
        if (active && !(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
      },
    )
    return () => {
      active = false
    }
  }, [logoutIfAccessDenied, notify])

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Trial balance" />
      <CardHeader title="Trial balance" subheader="Sum of debit and credit balances over every ledger account, per currency" />
      <CardContent>
        {!report && <LinearProgress />}
        {report && (
          <>
            <Alert severity={report.balanced ? 'success' : 'error'} data-testid="trial-balance-status" data-balanced={String(report.balanced)} sx={{ mb: 2 }}>
              {report.balanced ? 'Balanced: debits equal credits in every currency' : 'NOT balanced: some currency does not net to zero'}
            </Alert>
            <Table size="small" data-testid="trial-balance-table">
              <TableHead>
                <TableRow>
                  <TableCell>Currency</TableCell>
                  <TableCell align="right">Debits</TableCell>
                  <TableCell align="right">Credits</TableCell>
                  <TableCell align="right">Net</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.rows.map((row) => (
                  <TableRow key={row.currency} data-testid={`trial-balance-row-${row.currency}`} data-net={row.net}>
                    <TableCell>{row.currency}</TableCell>
                    <TableCell align="right">{formatMinor(row.debits, row.currency)}</TableCell>
                    <TableCell align="right">{formatMinor(row.credits, row.currency)}</TableCell>
                    <TableCell align="right" sx={{ color: row.net === 0 ? 'success.main' : 'error.main' }}>{formatMinor(row.net, row.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  )
}
