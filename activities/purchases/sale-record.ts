/** Reads back what a completed sale booked: its journal entry as postings, and whether the creator share was released. */
import type { Db } from '../../prisma/client.ts'
import { accountKey, kindOfCode, type Posting } from '../../domain/ledger/accounts.ts'
import { purchaseKey } from '../../workflows/purchase-ppv.contract.ts'

export type BookedSale = { saleEntryId: string; salePostings: Posting[]; released: boolean }

/** Null when the purchase has no sale entry (declined, failed, or still charging). */
export async function readBookedSale(db: Db, purchase: { id: string; ledgerEntryId: bigint | null }): Promise<BookedSale | null> {
  if (purchase.ledgerEntryId === null) return null
  const [sale, release] = await Promise.all([
    db.journalEntry.findUnique({ where: { id: purchase.ledgerEntryId }, include: { postings: { include: { account: true } } } }),
    db.journalEntry.findUnique({ where: { idempotencyKey: purchaseKey(purchase.id, 'release') } }),
  ])
  if (!sale) return null
  return {
    saleEntryId: sale.id.toString(),
    released: release !== null,
    salePostings: sale.postings.map((p) => ({ amount: Number(p.amount),
      account: { kind: kindOfCode(p.account.kind), brand: p.account.brand, currency: p.account.currency, owner: p.account.owner } })),
  }
}

/** What the creator's account can give back of a sale's share now: pending while in the window, else available. */
export async function creatorClawbackLimit(db: Db, sale: BookedSale): Promise<number> {
  const creatorAccount = sale.salePostings.find((p) => p.account.kind === 'creatorPending')?.account
  const account = creatorAccount && await db.ledgerAccount.findUnique({
    where: { key: accountKey({ ...creatorAccount, kind: sale.released ? 'creatorAvailable' : 'creatorPending' }) } })
  // credit-normal: what it holds is -balance, less what pending transfers have reserved against it
  return account ? Math.max(0, Number(-account.balance - account.pendingDebits)) : 0
}
