/** Payout read models (GET /api/payout-items, /api/payout-items/:id), amounts in integer minor units. */

export const PAYOUT_ITEM_STATUS = {
  selected: 'SELECTED', blocked: 'BLOCKED', awaitingApproval: 'AWAITING_APPROVAL', sending: 'SENDING', sent: 'SENT', paid: 'PAID',
  returned: 'RETURNED', failed: 'FAILED', rejected: 'REJECTED', expired: 'EXPIRED', unconfirmed: 'UNCONFIRMED',
} as const
export type PayoutItemStatus = (typeof PAYOUT_ITEM_STATUS)[keyof typeof PAYOUT_ITEM_STATUS]

/** One gate of the assessment (KYC_CURRENT, TAX_FORM, NO_HOLDS, METHOD_VERIFIED, BALANCE_POSITIVE, MINIMUM) and why it passed or not. */
export type PayoutGate = { gate: string; passed: boolean; detail: string }
/** One try on a rail: the outcome, and the rail's code and words when it failed. */
export type PayoutAttempt = { rail: string; at: string; outcome: string; failure?: string; railCode?: string; message?: string }

export type PayoutItem = {
  id: string
  runId: string
  workflowId: string
  creatorId: string
  creatorName: string | null
  brand: string
  currency: string
  status: PayoutItemStatus
  /** what the ledger showed as payable when the item was selected */
  available: number
  /** sent, kept back in the rolling reserve, and set off against what the creator owed */
  amount: number | null
  reserve: number | null
  netted: number | null
  gates: PayoutGate[] | null
  approvalReason: string | null
  approvalDetail: string | null
  decidedBy: string | null
  decidedAt: string | null
  decisionNote: string | null
  methodId: string | null
  rail: string | null
  providerRef: string | null
  attempts: PayoutAttempt[]
  failureCode: string | null
  failureMessage: string | null
  sentAt: string | null
  settledAt: string | null
  createdAt: string
  updatedAt: string
}

/** The show view adds the creator's last settled payouts: what an approver weighs an outlier against. */
export type PayoutItemDetail = PayoutItem & {
  history: { id: string; amount: number | null; currency: string; settledAt: string | null; rail: string | null }[]
}

/** The payout's headline figure: what is (or would be) sent, else what was available. */
export const payoutAmount = (item: Pick<PayoutItem, 'amount' | 'available'>): number => item.amount ?? item.available

export const choices = (values: readonly string[]) => values.map((v) => ({ id: v, name: v }))
