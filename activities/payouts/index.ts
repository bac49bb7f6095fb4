/** Payout activities: runs, assessment, ledger, rails, reconciliation, read models and mail, built from injected clients. */
import type pg from 'pg'
import type { Db } from '../../prisma/client.ts'
import type { MailSender, PiiCipher } from '../identity/deps.ts'
import { createLedgerStore } from '../ledger/store.ts'
import { createPayoutAssessActivities } from './assess.ts'
import { createPayoutMoneyActivities } from './money.ts'
import { createReconciliationActivities } from './reconcile.ts'
import { createPayoutRecordActivities } from './records.ts'
import { createPayoutRunActivities } from './runs.ts'
import { createPayoutSendingActivities, type PayoutRails } from './sending.ts'

export type PayoutDeps = { db: Db; pool: pg.Pool; pii: PiiCipher; rails: PayoutRails; sendMail: MailSender; publicUrl: string; financeEmail: string }

export function createPayoutActivities(deps: PayoutDeps) {
  const ledger = createLedgerStore(deps.pool)
  return {
    ...createPayoutRunActivities({ db: deps.db, pool: deps.pool, ledger }),
    ...createPayoutAssessActivities({ db: deps.db, pool: deps.pool }),
    ...createPayoutMoneyActivities({ db: deps.db, ledger }),
    ...createPayoutSendingActivities({ db: deps.db, pii: deps.pii, rails: deps.rails }),
    ...createReconciliationActivities({ db: deps.db, rails: deps.rails }),
    ...createPayoutRecordActivities(deps),
  }
}
export type PayoutActivities = ReturnType<typeof createPayoutActivities>
