import { Chip, Tooltip, Typography } from '@mui/material'
import TrendingUpIcon from '@mui/icons-material/TrendingUp'
import type { ChainTxAttempt } from './types'

/**
 * How many times the transaction was signed: one attempt is quiet, more mean the fees were bumped to get it mined
 * (each bump replaces the previous attempt at the same nonce).
 */
export function FeeBumps({ attempts }: { attempts: ChainTxAttempt[] }) {
  const count = attempts.length
  if (count <= 1) {
    return <Typography variant="body2" color="text.secondary" data-testid="chain-tx-attempts" data-attempts={count}>{count}</Typography>
  }
  return (
    <Tooltip title={`Signed ${count} times: the fees were bumped ${count - 1} time${count > 2 ? 's' : ''} to get it mined.`}>
      <Chip size="small" color="warning" icon={<TrendingUpIcon />} label={`${count} · ${count - 1} bump${count > 2 ? 's' : ''}`}
        data-testid="chain-tx-attempts" data-attempts={count} />
    </Tooltip>
  )
}
