/** Read-model writes of payout items, and the mail a payout sends: to finance for approvals, to the creator about outcomes. */
import type { Db } from '../../prisma/client.ts'
import { formatMinor } from '../../domain/money-display.ts'
import type { PayoutDecision, PayoutItemStatus } from '../../workflows/payouts.contract.ts'
import type { MailSender } from '../identity/deps.ts'
import type { PAYOUT_NOTICES } from '../mail/templates.ts'

export type RecordDeps = { db: Db; sendMail: MailSender; publicUrl: string; financeEmail: string }

export function createPayoutRecordActivities({ db, sendMail, publicUrl, financeEmail }: RecordDeps) {
  const item = (itemId: string) => db.payoutItem.findUniqueOrThrow({ where: { id: itemId } })
  const person = (id: string) => db.person.findUniqueOrThrow({ where: { id }, select: { displayName: true, email: true } })
  /** An item with its creator and the amount as mail shows it. */
  const itemForMail = async (itemId: string) => {
    const it = await item(itemId)
    return { it, creator: await person(it.creatorId), amount: formatMinor(it.amount ?? it.available, it.currency) }
  }
  // mail templates take at most 500 characters of reason
  const clip = (reason: string | null | undefined) => (reason ?? '').slice(0, 480)
  const touch = (itemId: string, data: Parameters<typeof db.payoutItem.update>[0]['data']) =>
    db.payoutItem.update({ where: { id: itemId }, data: { ...data, updatedAt: new Date() } })

  return {
    /** How many of a run's items come after `after` in creator order (their children are not started yet). */
    async countUnstartedItems({ runId, after }: { runId: string; after: string | null }): Promise<number> {
      return db.payoutItem.count({ where: { runId, ...(after ? { creatorId: { gt: after } } : {}) } })
    },

    /** The payout waits for a finance decision: why, and until when. */
    async recordApprovalWait(i: { itemId: string; reason: string; detail: string; expiresAt: string }): Promise<void> {
      await touch(i.itemId, { status: 'AWAITING_APPROVAL', approvalReason: i.reason, approvalDetail: `${i.detail} (expires ${i.expiresAt})` })
    },

    /** Finance decided: who, when, and their note. */
    async recordPayoutDecision(i: { itemId: string } & PayoutDecision): Promise<void> {
      await touch(i.itemId, { status: i.decision === 'approve' ? 'SELECTED' : 'REJECTED', decidedBy: i.by, decidedAt: new Date(), decisionNote: i.note ?? null })
    },

    /** Sets an item's final status with the reason, when no money moved (expired approval, balance changed). */
    async markPayoutItem(i: { itemId: string; status: PayoutItemStatus; failureCode: string; message: string }): Promise<void> {
      await touch(i.itemId, { status: i.status, failureCode: i.failureCode, failureMessage: i.message })
    },

    /** Mails the finance inbox that a payout waits for approval (or a reminder); the key keeps retries to one mail. */
    async notifyFinanceOfPayout(i: { itemId: string; reminder: boolean; expiresAt: string; key: string }): Promise<void> {
      const { it, creator, amount } = await itemForMail(i.itemId)
      await sendMail({ idempotencyKey: i.key, to: financeEmail, template: 'payoutApproval', data: {
        creator: creator.displayName, amount, reason: it.approvalDetail ?? it.approvalReason ?? 'outlier',
        expiresAt: i.expiresAt, reminder: i.reminder ? 'yes' : 'no', link: `${publicUrl}/admin/#/payout-approvals` } })
    },

    /** Mails the finance inbox that a payout in transit needs them to check with the rail. */
    async notifyFinanceOfUnconfirmed(i: { itemId: string; reason: string; key: string }): Promise<void> {
      const { it, creator, amount } = await itemForMail(i.itemId)
      await sendMail({ idempotencyKey: i.key, to: financeEmail, template: 'payoutUnconfirmed', data: { creator: creator.displayName,
        amount, reason: clip(i.reason), link: `${publicUrl}/admin/#/payout-items/${it.id}/show` } })
    },

    /** Tells the creator their payout method was verified (it is now live) or refused: an unexpected change is noticed. */
    async notifyCreatorOfMethod(i: { methodId: string; verified: boolean; reason: string | null; key: string }): Promise<void> {
      const m = await db.payoutMethod.findUniqueOrThrow({ where: { id: i.methodId } })
      const creator = await person(m.personId)
      const brand = (await db.persona.findFirst({ where: { personId: m.personId, kind: 'creator' }, include: { brand: true } }))?.brand.slug ?? 'fanzlab'
      await sendMail({ idempotencyKey: i.key, to: creator.email, template: 'payoutNotice', data: { brand, name: creator.displayName,
        notice: i.verified ? 'payoutMethodVerified' : 'payoutMethodFailed', amount: '', rail: m.display, reason: clip(i.reason),
        link: `${publicUrl}/${brand}/studio/earnings` } })
    },

    /** Tells the creator what became of their payout. */
    async notifyCreatorOfPayout(i: { itemId: string; notice: (typeof PAYOUT_NOTICES)[number]; reason?: string; key: string }): Promise<void> {
      const { it, creator, amount } = await itemForMail(i.itemId)
      await sendMail({ idempotencyKey: i.key, to: creator.email, template: 'payoutNotice', data: {
        brand: it.brand, name: creator.displayName, notice: i.notice, amount,
        rail: it.rail ?? '', reason: clip(i.reason), link: `${publicUrl}/${it.brand}/studio/earnings` } })
    },
  }
}
