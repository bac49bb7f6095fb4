/** The Paxum sandbox's memory: the merchant's balances, every completed transfer, and the test controls' settings. */
import { createHash } from 'node:crypto'
import { XMLBuilder } from 'fast-xml-parser'
import { createFailNext } from '../payout-controls.ts'

/** One completed wallet transfer (failed attempts move no money and are not kept, as in Paxum's history). */
export type PaxumTransfer = {
  transactionId: string
  toEmail: string
  /** minor units */
  amount: number
  currency: string
  note: string
  reference: string
  at: string
  /** set by POST /sandbox/report-adjust: the amount transactionHistory shows instead */
  reportAmount: number | null
  /** true for a line added by POST /sandbox/report-extra: nobody asked for it */
  extra: boolean
}

export function createPaxumState(startingBalance: number) {
  const transfers: PaxumTransfer[] = []
  const balances = new Map<string, number>()
  // numeric ids like Paxum's; a time-based prefix keeps them unique across sandbox restarts
  const prefix = String(Date.now()).slice(-7)
  let counter = 0
  const balance = (currency: string) => balances.get(currency) ?? startingBalance

  return {
    ...createFailNext(),
    nextId: () => `${prefix}${String(++counter).padStart(4, '0')}`,
    balance,
    /** Debits the merchant and keeps the transfer. */
    record(t: PaxumTransfer): void {
      if (!t.extra) balances.set(t.currency, balance(t.currency) - t.amount)
      transfers.push(t)
    },
    find: (transactionId: string) => transfers.find((t) => t.transactionId === transactionId),
    list: () => [...transfers],
    balances: () => Object.fromEntries(balances),
  }
}
export type PaxumState = ReturnType<typeof createPaxumState>

/** The sandbox's own key check, written apart from the driver's: MD5 of the shared secret and the named values in order. */
export const sandboxKey = (sharedSecret: string, values: (string | undefined)[]): string =>
  createHash('md5').update(sharedSecret + values.filter((v) => v !== undefined && v !== '').join(''), 'utf8').digest('hex')

const builder = new XMLBuilder({ format: true, indentBy: '  ' })

/** Paxum's answer document: `<Response>` with Environment, Method, ResponseCode, ResponseDescription, Fee, then `extra`. */
export function paxumResponse(method: string, code: string, description: string, extra: Record<string, unknown> = {}): string {
  const body = { Environment: 'SANDBOX', Method: method, ResponseCode: code, ResponseDescription: description, Fee: '0.00', ...extra }
  return `<?xml version="1.0"?>\n${builder.build({ Response: body })}`
}
