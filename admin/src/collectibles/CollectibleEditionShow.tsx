import type { ReactNode } from 'react'
import { Alert, Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material'
import { Show, useRecordContext } from 'react-admin'
import { ChainTxTable } from '../chain-transactions/ChainTxTable'
import { mono } from '../chain-transactions/format'
import { formatDateTime } from '../media-reviews/format'
import { formatMinor } from '../money'
import { Fact } from '../payout-items/Fact'
import { TemporalLink } from '../temporal-link'
import { EditionStatusChip } from './EditionStatusChip'
import { TokensTable } from './TokensTable'
import type { EditionDetail } from './types'
import { royaltyText } from './types'

function Section({ title, subheader, children }: { title: string; subheader?: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'caption' } }} sx={{ pb: 0 }} />
      <CardContent sx={{ overflowX: 'auto' }}>{children}</CardContent>
    </Card>
  )
}

const Hex = ({ children }: { children: ReactNode }) => <Box component="span" sx={mono}>{children ?? '—'}</Box>

function Header({ e }: { e: EditionDetail }) {
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {e.thumbnailUrl && <Box component="img" src={e.thumbnailUrl} alt="" sx={{ width: 96, aspectRatio: '16 / 9', objectFit: 'cover', borderRadius: 1 }} />}
        <Typography variant="h5" data-testid="edition-title">{e.title}</Typography>
        <EditionStatusChip status={e.status} />
        <Typography variant="body2" color="text.secondary">{e.brand ?? '—'} · {e.creator.name || e.creator.id}</Typography>
      </Stack>
      {e.refusal && (
        <Alert severity={e.status === 'FAILED' ? 'error' : 'warning'} data-testid="edition-refusal" data-code={e.refusal.code}>
          <strong>{e.refusal.code}</strong> {e.refusal.reason}
        </Alert>
      )}
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Price" testId="edition-price">{formatMinor(e.priceMinor, e.currency)}</Fact>
        <Fact label="Sold" testId="edition-sold">{e.sold} / {e.maxSupply}</Fact>
        <Fact label="Remaining">{e.remaining}</Fact>
        <Fact label="Royalty">{royaltyText(e.royaltyBps)}</Fact>
        <Fact label="Created">{formatDateTime(e.createdAt)}</Fact>
        <Fact label="Live since">{formatDateTime(e.liveAt)}</Fact>
        {e.takenDownAt && <Fact label="Taken down">{formatDateTime(e.takenDownAt)}</Fact>}
        <Fact label="Workflow"><TemporalLink workflowId={e.workflowId} testId="temporal-link-workflowId" /></Fact>
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Contract" testId="edition-contract"><Hex>{e.contractAddress}</Hex></Fact>
        <Fact label="Edition key"><Hex>{e.editionKey}</Hex></Fact>
        <Fact label="Metadata URI"><Hex>{e.metadataUri}</Hex></Fact>
        <Fact label="Media id"><Hex>{e.mediaId}</Hex></Fact>
        <Fact label="Creator id"><Hex>{e.creator.id}</Hex></Fact>
      </Stack>
      {e.description && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{e.description}</Typography>}
    </Stack>
  )
}

function Body() {
  const e = useRecordContext<EditionDetail>()
  // the list's cached row (no tokens yet) may render first; the detail replaces it
  if (!e) return null
  const tokens = e.tokens ?? []
  const transactions = e.transactions ?? []
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="edition-show" data-id={e.id} data-status={e.status} data-loaded={String(Array.isArray(e.tokens))}>
      <Header e={e} />
      <Section title="Tokens" subheader="One row per sale: reserved, minting, minted to the buyer's wallet, or released after a failed sale.">
        <TokensTable tokens={tokens} transactions={transactions} />
      </Section>
      <Section title="Chain transactions" subheader="Creating the edition, each mint, and hiding it after a takedown; fee bumps show as more than one attempt.">
        <ChainTxTable transactions={transactions} />
      </Section>
    </Stack>
  )
}

/** One edition: its terms and on-chain identity, every token sold with its buyer and mint, and every chain transaction made for it. */
export function CollectibleEditionShow() {
  return (
    <Show title="Collectible">
      <Body />
    </Show>
  )
}
