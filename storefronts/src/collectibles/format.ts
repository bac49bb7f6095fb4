/** Words of the collectible pages: where a purchase stands, what an edition's status means to its creator. */
import type { CollectiblePurchase, EditionStatus, MintState } from './collectibles-api'

/** While the sale's workflow works: what it is doing now. */
export const MINT_STATE_LABEL: Readonly<Record<MintState, string>> = {
  quoting: 'Working out the price and tax…', reserving: 'Reserving your token…', charging: 'Charging your card…', minting: 'Minting on chain…',
  confirming: 'Waiting for block confirmations…', posting: 'Recording the sale…', completed: 'Minted', declined: 'Declined', refused: 'Not minted',
  compensating: 'Something went wrong: undoing the charge…', failed: 'Not minted',
}

/** The outcome in one line: 'Minted #3', 'Declined: insufficient funds', 'Not minted: every token is sold'. */
export function outcomeText(p: CollectiblePurchase): string {
  const why = p.reason ?? p.code ?? 'no reason given'
  switch (p.status) {
    case 'COMPLETED':
      return p.token ? `Minted #${p.token.serial}` : 'Minted'
    case 'DECLINED':
      return `Declined: ${why}`
    default:
      return `Not minted: ${why}`
  }
}

/** An edition's status as its creator reads it. */
export const EDITION_STATUS_LABEL: Readonly<Record<EditionStatus, string>> = {
  GATING: 'Checking', CREATING: 'Going on chain', LIVE: 'On sale', SOLD_OUT: 'Sold out', TAKEN_DOWN: 'Taken down', REFUSED: 'Refused', FAILED: 'Failed',
}

/** Still being checked or created: the studio list polls until none is. */
export const isSettling = (status: EditionStatus) => status === 'GATING' || status === 'CREATING'

/** 500 bps -> '5 %'. */
export const royaltyText = (bps: number) => `${bps / 100} %`

/** '0x1234…cdef' for a line of text; the whole value is kept in the title. */
export const shortHex = (hex: string | null | undefined) => (!hex ? '—' : hex.length <= 18 ? hex : `${hex.slice(0, 10)}…${hex.slice(-6)}`)
