import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { Fact } from '../payout-items/Fact'
import { formatDateTime } from '../media-reviews/format'
import { DaysLeft } from './DaysLeft'
import type { PrivacyRequest } from './types'

/** The statutory clock: received, due, time left, and every extension with its reason and who granted it. */
export function RequestClock({ request }: { request: PrivacyRequest }) {
  return (
    <Stack spacing={2} data-testid="dsr-clock">
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Received" testId="dsr-received">{formatDateTime(request.receivedAt)}</Fact>
        <Fact label="Due" testId="dsr-due">{formatDateTime(request.dueAt)}</Fact>
        <Fact label="Time left"><DaysLeft request={request} /></Fact>
        <Fact label="Jurisdiction">{request.jurisdiction}</Fact>
        {request.completedAt && <Fact label="Completed" testId="dsr-completed">{formatDateTime(request.completedAt)}</Fact>}
      </Stack>
      {request.escalatedAt && (
        <Alert severity="error" data-testid="dsr-escalated-alert">Escalated {formatDateTime(request.escalatedAt)}.</Alert>
      )}
      {request.extensions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No extension.</Typography>
      ) : (
        <Table size="small" data-testid="dsr-extensions">
          <TableHead>
            <TableRow>
              <TableCell>Extended</TableCell>
              <TableCell align="right">Days</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>By</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {request.extensions.map((e) => (
              <TableRow key={`${e.at}:${e.days}`} data-testid="dsr-extension">
                <TableCell>{formatDateTime(e.at)}</TableCell>
                <TableCell align="right">{e.days}</TableCell>
                <TableCell>{e.reason}</TableCell>
                <TableCell>{e.by}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  )
}
