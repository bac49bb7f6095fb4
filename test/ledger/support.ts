/** Helpers for ledger tests: a pool on the test stack's PostgreSQL and account refs in a brand of their own. */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { AccountKind, AccountRef, Posting } from '../../domain/ledger/accounts.ts'
import { testStack } from '../support/stack.ts'

export const newPool = (max = 10) => new pg.Pool({ connectionString: testStack().env.DATABASE_URL, max })

/** A fresh brand per test keeps its accounts apart from every other test's. */
export function scope(currency = 'USD') {
  const brand = `t-${randomUUID().slice(0, 8)}`
  const ref = (kind: AccountKind, owner: string | null = null): AccountRef => ({ kind, brand, currency, owner })
  const transfer = (from: AccountRef, to: AccountRef, amount: number): Posting[] =>
    [{ account: from, amount }, { account: to, amount: -amount }]
  return { brand, currency, ref, transfer, key: (suffix: string) => `${brand}:${suffix}` }
}
