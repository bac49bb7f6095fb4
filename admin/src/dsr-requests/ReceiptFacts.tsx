import { Box, Stack, Tooltip, Typography } from '@mui/material'
import { Fact } from '../payout-items/Fact'
import { formatDateTime } from '../media-reviews/format'
import type { Receipt } from './types'

/** 'MEUCIQDx…f3Qw==': enough of a signature to compare by eye; the whole of it on hover. */
export const shortSignature = (signature: string): string => (signature.length <= 20 ? signature : `${signature.slice(0, 10)}…${signature.slice(-8)}`)

/** The signed completion receipt: when it was issued, the signing key, and the signature. */
export function ReceiptFacts({ receipt }: { receipt: Receipt | null }) {
  if (!receipt) return <Typography variant="body2" color="text.secondary" data-testid="dsr-no-receipt">Not issued yet.</Typography>
  return (
    <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="dsr-receipt">
      <Fact label="Issued" testId="dsr-receipt-issued">{formatDateTime(receipt.issuedAt)}</Fact>
      <Fact label="Key id"><Box component="span" sx={{ fontFamily: 'monospace' }}>{receipt.keyId}</Box></Fact>
      <Fact label="Signature" testId="dsr-receipt-signature">
        <Tooltip title={<Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{receipt.signature}</Box>}>
          <Box component="span" sx={{ fontFamily: 'monospace' }} data-signature={receipt.signature}>{shortSignature(receipt.signature)}</Box>
        </Tooltip>
      </Fact>
    </Stack>
  )
}
