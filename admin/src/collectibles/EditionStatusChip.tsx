import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { EditionStatus, TokenStatus } from './types'

const EDITION_COLORS: Record<EditionStatus, ChipProps['color']> = {
  GATING: 'info', CREATING: 'primary', LIVE: 'success', SOLD_OUT: 'default', TAKEN_DOWN: 'warning', REFUSED: 'warning', FAILED: 'error',
}

/** Gating (compliance checks), creating (on chain), live, sold out, taken down, refused by the gate, failed. */
export function EditionStatusChip({ status }: { status: EditionStatus }) {
  return <Chip size="small" label={status.replace('_', ' ')} color={EDITION_COLORS[status] ?? 'default'} variant={status === 'SOLD_OUT' ? 'outlined' : 'filled'}
    data-testid="edition-status" data-status={status} />
}

const TOKEN_COLORS: Record<TokenStatus, ChipProps['color']> = { RESERVED: 'info', MINTING: 'primary', MINTED: 'success', RELEASED: 'default' }

/** Reserved for a purchase, minting, minted to the buyer, or released back to the edition after a failed sale. */
export function TokenStatusChip({ status }: { status: TokenStatus }) {
  return <Chip size="small" label={status} color={TOKEN_COLORS[status] ?? 'default'} variant={status === 'RELEASED' ? 'outlined' : 'filled'}
    data-testid="token-status" data-status={status} />
}
