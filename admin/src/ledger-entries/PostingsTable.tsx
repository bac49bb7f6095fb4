import { Chip, Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material'
import { formatMinor } from '../money'
import type { Posting } from './types'

type Totals = { currency: string; debits: number; credits: number }

/** Debit and credit totals per currency; a valid entry has them equal in every currency. */
export function totalsByCurrency(postings: Posting[]): Totals[] {
  const totals = new Map<string, Totals>()
  for (const p of postings) {
    const t = totals.get(p.currency) ?? { currency: p.currency, debits: 0, credits: 0 }
    if (p.amount > 0) t.debits += p.amount
    else t.credits -= p.amount
    totals.set(p.currency, t)
  }
  return [...totals.values()]
}

/** The entry's legs in debit / credit columns with a totals row per currency proving debits = credits. */
export function PostingsTable({ postings }: { postings: Posting[] }) {
  return (
    <Table size="small" data-testid="postings-table">
      <TableHead>
        <TableRow>
          <TableCell>Account</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell align="right">Debit</TableCell>
          <TableCell align="right">Credit</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {postings.map((p, i) => (
          <TableRow key={`${p.accountKey}:${i}`} data-testid="posting-row" data-account-key={p.accountKey} data-kind={p.kind} data-amount={p.amount}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{p.accountKey}</TableCell>
            <TableCell>{p.kind}</TableCell>
            <TableCell align="right" data-testid="posting-debit">{p.amount > 0 ? formatMinor(p.amount, p.currency) : ''}</TableCell>
            <TableCell align="right" data-testid="posting-credit">{p.amount < 0 ? formatMinor(-p.amount, p.currency) : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        {totalsByCurrency(postings).map((t) => (
          <TableRow key={t.currency} data-testid="postings-total" data-debits={t.debits} data-credits={t.credits}>
            <TableCell>Total {t.currency}</TableCell>
            <TableCell>
              <Chip size="small" label={t.debits === t.credits ? 'Debits = credits' : 'UNBALANCED'} color={t.debits === t.credits ? 'success' : 'error'} />
            </TableCell>
            <TableCell align="right">{formatMinor(t.debits, t.currency)}</TableCell>
            <TableCell align="right">{formatMinor(t.credits, t.currency)}</TableCell>
          </TableRow>
        ))}
      </TableFooter>
    </Table>
  )
}
