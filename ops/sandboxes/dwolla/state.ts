/** The Dwolla sandbox's memory: access tokens, customers, funding sources, transfers, the master balance, events and controls. */
import { randomUUID } from 'node:crypto'
import type { Request, Response } from 'express'
import { createFailNext } from '../payout-controls.ts'
import { createReplies, type Reply } from '../replies.ts'

export type DwollaCustomer = { id: string; firstName: string; lastName: string; email: string; type: string; created: string }
export type DwollaFundingSource = { id: string; customerId: string; routingNumber: string; accountNumber: string; bankAccountType: string; name: string; created: string }
export type DwollaTransferStatus = 'pending' | 'processed' | 'failed' | 'cancelled'

export type DwollaTransfer = {
  id: string
  /** the base URL the transfer was created under, for the links of later webhooks */
  base: string
  destinationId: string
  /** minor units (USD cents) */
  amount: number
  status: DwollaTransferStatus
  created: string
  metadata: Record<string, string>
  correlationId: string | null
  failure: { code: string; description: string } | null
  /** set by POST /sandbox/report-adjust: the amount the transfer list shows instead */
  reportAmount: number | null
  /** true for a transfer added by POST /sandbox/report-extra: nobody asked for it */
  extra: boolean
}

/** An ACH return as GET /transfers/{id}/failure shows it. */
export const RETURN_CODES = {
  R02: 'Account closed',
  R03: 'No account/unable to locate',
} as const

/** The scheme and host a request came in on, Dwolla's links are absolute URLs. */
export const baseOf = (req: Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`

/** A recorded answer; a 201 carries the new resource's Location. */
export type DwollaReply = Reply & { location?: string }

const HAL = 'application/vnd.dwolla.v1.hal+json'

/** Dwolla's JSON-HAL answers. */
export const hal = (status: number, body: unknown): DwollaReply => ({ status, contentType: HAL, body: JSON.stringify(body) })

/** 201 Created with an empty body and the Location of the new resource. */
export const createdAt = (location: string): DwollaReply => ({ status: 201, contentType: HAL, body: '', location })

/** Sends a recorded answer. */
export function sendReply(res: Response, reply: DwollaReply): void {
  if (reply.location) res.location(reply.location)
  res.status(reply.status).type(reply.contentType).send(reply.body)
}

/** Dwolla's 400 with embedded errors: `{code:'ValidationError', _embedded:{errors:[{code, message, path}]}}`. */
export const validationError = (code: string, message: string, path: string, extra: Record<string, unknown> = {}) => hal(400, {
  code: 'ValidationError', message: 'Validation error(s) present. See embedded errors list for more details.',
  _embedded: { errors: [{ code, message, path, ...extra }] },
})

export function createDwollaState(startingBalance: number) {
  const tokens = new Map<string, number>()
  const customers = new Map<string, DwollaCustomer>()
  const fundingSources = new Map<string, DwollaFundingSource>()
  const transfers = new Map<string, DwollaTransfer>()
  let balance = startingBalance
  return {
    ...createFailNext(),
    tokens, customers, fundingSources, transfers,
    newId: () => randomUUID(),
    /** Answers from the first request with this Idempotency-Key; computes and records it otherwise. */
    replay: createReplies() as (scope: string, key: string | undefined, compute: () => DwollaReply) => DwollaReply,
    balance: () => balance,
    /** Moves money on the master balance (negative: out). */
    move(amount: number): void {
      balance += amount
    },
    list: () => [...transfers.values()],
  }
}
export type DwollaState = ReturnType<typeof createDwollaState>
