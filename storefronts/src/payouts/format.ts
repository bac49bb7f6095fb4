/** Words and figures of the earnings page. */
import type { GateCode } from '../../../domain/payouts/gates.ts'
import { formatPrice } from '../money'
import type { Balance } from './payouts-api'

export const money = (amount: number | null | undefined, currency: string) => (amount === null || amount === undefined ? '—' : formatPrice(amount, currency))
export const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString() : '—')

type BalanceKey = 'pending' | 'available' | 'inTransit' | 'reserved' | 'owed'

/** Each balance with the line that explains it, in the order money moves. */
export const BALANCE_LINES: readonly { key: BalanceKey; label: string; testId: string; note: (b: Balance) => string }[] = [
  { key: 'available', label: 'Available', testId: 'earnings-balance-available',
    note: (b) => `Paid out at the next payout run once it reaches your minimum of ${money(b.minimum, b.currency)}.` },
  { key: 'pending', label: 'Pending', testId: 'earnings-balance-pending', note: () => 'Recent earnings still inside the chargeback window; they become available when it closes.' },
  { key: 'inTransit', label: 'In transit', testId: 'earnings-balance-in-transit', note: () => 'Sent to your payout method, waiting for the bank or wallet to confirm.' },
  { key: 'reserved', label: 'Reserved', testId: 'earnings-balance-reserved',
    note: (b) => `A rolling reserve${b.reservePercent ? ` of ${b.reservePercent}% of each payout` : ''}, released to you after the reserve period.` },
  { key: 'owed', label: 'Owed back', testId: 'earnings-balance-owed', note: () => 'Refunds and chargebacks after you were paid; taken from your next payouts.' },
]

const CADENCES: Readonly<Record<string, string>> = { weekly: 'every week', biweekly: 'every other week', monthly: 'every month' }
export const cadenceText = (cadence: string | null) => (cadence ? `Payouts run ${CADENCES[cadence] ?? cadence}` : 'Payout schedule not set yet')

/** What a creator reads for each payout status. */
export const PAYOUT_STATUS_LABEL: Readonly<Record<string, string>> = {
  SELECTED: 'Scheduled', BLOCKED: 'On hold', AWAITING_APPROVAL: 'Under review', SENDING: 'Sending', SENT: 'Sent', PAID: 'Paid',
  RETURNED: 'Returned', FAILED: 'Failed', REJECTED: 'Not paid', EXPIRED: 'Not paid', UNCONFIRMED: 'Checking with the bank',
}

/** The payout gates as a creator would name them (what to fix). */
const GATE_LABEL: Readonly<Record<GateCode, string>> = {
  KYC_CURRENT: 'Identity check', TAX_FORM: 'Tax form', NO_HOLDS: 'Account hold', METHOD_VERIFIED: 'Verified payout method',
  BALANCE_POSITIVE: 'Balance', MINIMUM: 'Minimum not reached',
}
/** A gate's name for the creator; a gate this page does not know yet keeps its code. */
export const gateLabel = (gate: string) => GATE_LABEL[gate as GateCode] ?? gate

export const METHOD_STATUS_LABEL: Readonly<Record<string, string>> = { VERIFIED: 'Verified', PENDING_VERIFICATION: 'Verifying…', FAILED: 'Failed' }

export const RAIL_LABEL: Readonly<Record<string, string>> = { paxum: 'Paxum', wise: 'Bank transfer (Wise)', ach: 'US bank (ACH)', wire: 'International wire', crypto: 'Stablecoin (crypto)' }
