import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material'
import { formatMinor } from '../money'
import type { PurchaseSplit } from './types'

/** How the gross payment divided: tax, creator, referrer and platform, plus the processor's fee. */
export function SplitTable({ split }: { split: PurchaseSplit | null }) {
  if (!split) return <Typography variant="body2" color="text.secondary">No split: nothing was booked.</Typography>
  const rows: [string, number][] = [
    ['Gross (paid by the fan)', split.gross],
    ['Tax', split.tax],
    ['Net of tax', split.net],
    ['Creator', split.creator],
    ...(split.referral ? [[`Referrer ${split.referral.referrerId}`, split.referral.amount] as [string, number]] : []),
    ['Platform', split.platform],
    ['Processor fee (platform expense)', split.processorFee],
  ]
  return (
    <Table size="small" data-testid="purchase-split">
      <TableBody>
        {rows.map(([label, amount]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell align="right">{formatMinor(amount, split.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
