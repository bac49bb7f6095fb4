/** Ledger activities: every write carries an idempotency key and records the workflow run that caused it. */
import { ApplicationFailure } from '@temporalio/activity'
import type pg from 'pg'
import { LedgerError } from '../../domain/ledger/validate.ts'
import { currentCause } from './cause.ts'
import { createLedgerStore, LedgerRefusal, type EntryInput } from './store.ts'

/** Ledger refusals are business outcomes, not outages: retrying them cannot succeed. */
export async function permanent<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof LedgerRefusal || err instanceof LedgerError) throw ApplicationFailure.nonRetryable(err.message, err.code)
    throw err
  }
}

export function createLedgerActivities({ pool }: { pool: pg.Pool }) {
  const store = createLedgerStore(pool)
  return {
    /** Posts one balanced journal entry; a repeated idempotency key posts nothing and returns the first entry. */
    async postJournalEntry(entry: EntryInput) {
      return permanent(async () => (await store.postEntries([entry], currentCause()))[0]!)
    },
    /** Reserves a two-phase transfer (e.g. a creator share inside the chargeback window). */
    async createPendingTransfer(input: Omit<EntryInput, 'reversesId' | 'fx' | 'metadata'> & { expiresAt: string }) {
      return permanent(() => store.createPending(input, currentCause()))
    },
    /** Posts a pending transfer as an entry keyed `entryKey`; an expired one comes back EXPIRED, unposted. */
    async postPendingTransfer({ transferKey, entryKey }: { transferKey: string; entryKey: string }) {
      return permanent(() => store.resolvePending(transferKey, 'post', entryKey, currentCause()))
    },
    /** Releases a pending transfer without posting it. */
    async voidPendingTransfer({ transferKey }: { transferKey: string }) {
      return permanent(() => store.resolvePending(transferKey, 'void', `${transferKey}:void`, currentCause()))
    },
  }
}
