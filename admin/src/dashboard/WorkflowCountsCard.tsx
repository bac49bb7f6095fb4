import { useEffect, useState } from 'react'
import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material'
import { useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage, httpClient } from '../http-client'

type WorkflowCounts = { total: number; byType: { type: string; running: number }[] }

const REFRESH_MS = 5_000

/** Running workflow executions by type, refreshed every few seconds. */
export function WorkflowCountsCard() {
  const [counts, setCounts] = useState<WorkflowCounts | null>(null)
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()

  useEffect(() => {
    let cancelled = false
    let failing = false // one notification per outage, not one every refresh
    const load = async () => {
      try {
        const { json } = await httpClient('/api/workflows/counts')
        if (cancelled) return
        failing = false
        setCounts(json as WorkflowCounts)
      } catch (error) {
        if (cancelled || failing) return
        failing = true
        if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
      }
    }
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [logoutIfAccessDenied, notify])

  return (
    <Card data-testid="workflow-counts">
      <CardHeader title="Running workflows" subheader="Refreshed every 5 s" />
      <CardContent>
        {!counts && <Typography color="text.secondary">Loading…</Typography>}
        {counts && (
          <>
            <Typography variant="h3" component="p" data-testid="workflow-counts-total">{counts.total}</Typography>
            <Table size="small">
              <TableBody>
                {counts.byType.map((row) => (
                  <TableRow key={row.type} data-testid={`workflow-count-${row.type}`}>
                    <TableCell>{row.type}</TableCell>
                    <TableCell align="right">{row.running}</TableCell>
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
