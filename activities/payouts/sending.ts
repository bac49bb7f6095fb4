/** The rail side of a payout: send to the creator's live method on a rail, read a payout's state, verify a new method. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import type { PayoutDestination, PayoutRailName } from '../../domain/payouts/destinations.ts'
import { payoutKey } from '../../workflows/payouts.contract.ts'
import type { PiiCipher } from '../identity/deps.ts'
import { PAYOUT_FAILURES, type PayoutRail, type PayoutState } from './rail.ts'

export type PayoutRails = Partial<Record<PayoutRailName, PayoutRail>>
export const DESTINATION_PURPOSE = 'payout_methods.destination'

export function createPayoutSendingActivities({ db, pii, rails }: { db: Db; pii: PiiCipher; rails: PayoutRails }) {
  const railOf = (name: PayoutRailName) => rails[name] ?? null

  /** The creator's live, verified method on a rail, decrypted; null when they have none (removed or changed meanwhile). */
  async function liveDestination(creatorId: string, rail: PayoutRailName) {
    const method = await db.payoutMethod.findFirst({ where: { personId: creatorId, rail, status: 'VERIFIED' } })
    if (!method) return null
    return { method, destination: JSON.parse(await pii.decrypt(creatorId, DESTINATION_PURPOSE, method.destination)) as PayoutDestination }
  }

  return {
    /**
     * Sends the payout on one rail to the creator's method live at this moment (a method changed during the run is used
     * if the payout was not sent yet). The key is the child's workflow id and the rail: a retry, even after a change of
     * method, gets the first payout back from the rail and pays nothing more.
     */
    async sendPayout(i: { itemId: string; workflowId: string; runId: string; creatorId: string; rail: PayoutRailName; amount: number; currency: string }): Promise<PayoutState> {
      const rail = railOf(i.rail)
      const live = await liveDestination(i.creatorId, i.rail)
      const state: PayoutState = !rail
        ? { status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.unsupported, railCode: 'NOT_CONFIGURED', message: `The ${i.rail} rail is not configured here.` }
        : !live
          ? { status: 'failed', providerRef: null, failure: PAYOUT_FAILURES.invalidAccount, railCode: 'NO_METHOD', message: `No verified ${i.rail} method any more.` }
          : await rail.send({ idempotencyKey: payoutKey(i.workflowId, `send:${i.rail}`), amount: i.amount, currency: i.currency, destination: live.destination,
            reference: { workflowId: i.workflowId, creatorId: i.creatorId, runId: i.runId }, description: 'Fanz creator payout' })
      const attempt = { rail: i.rail, at: new Date().toISOString(), outcome: state.status, ...(state.status === 'failed' ? { failure: state.failure, railCode: state.railCode, message: state.message } : {}) }
      await db.$executeRaw`UPDATE payout_items SET attempts = attempts || ${JSON.stringify([attempt])}::jsonb, rail = ${i.rail},
        method_id = ${live?.method.id ?? null}::uuid, provider_ref = ${state.providerRef}, status = ${state.status === 'failed' ? 'SENDING' : 'SENT'},
        sent_at = CASE WHEN ${state.status} = 'failed' THEN sent_at ELSE coalesce(sent_at, now()) END, updated_at = now() WHERE id = ${i.itemId}::uuid`
      return state
    },

    /** The rail's current word on a sent payout (polling); null when the rail has no record of it. */
    async payoutStatus(i: { workflowId: string; rail: PayoutRailName }): Promise<PayoutState | null> {
      const rail = railOf(i.rail)
      if (!rail) throw ApplicationFailure.nonRetryable(`The ${i.rail} rail is not configured here.`, 'RAIL_NOT_CONFIGURED')
      return rail.status(payoutKey(i.workflowId, `send:${i.rail}`))
    },

    /** Checks a newly added payout method with its rail; the creator sees VERIFIED or FAILED with the rail's reason. */
    async verifyPayoutMethodWithRail({ methodId }: { methodId: string }): Promise<{ verified: boolean; reason: string | null }> {
      const method = await db.payoutMethod.findUnique({ where: { id: methodId } })
      if (!method || method.status !== 'PENDING_VERIFICATION') return { verified: method?.status === 'VERIFIED', reason: null }
      const rail = railOf(method.rail as PayoutRailName)
      if (!rail) {
        await db.payoutMethod.update({ where: { id: methodId }, data: { status: 'FAILED', failure: `The ${method.rail} rail is not available.` } })
        return { verified: false, reason: `The ${method.rail} rail is not available.` }
      }
      const destination = JSON.parse(await pii.decrypt(method.personId, DESTINATION_PURPOSE, method.destination)) as PayoutDestination
      const result = await rail.verifyDestination(destination)
      // verified: it replaces the creator's live method on this rail in one step (never two live, never none)
      await db.$transaction(async (tx) => {
        if (result.verified) {
          await tx.payoutMethod.updateMany({ where: { personId: method.personId, rail: method.rail, status: 'VERIFIED', id: { not: methodId } },
            data: { status: 'REMOVED', removedAt: new Date() } })
        }
        await tx.payoutMethod.update({ where: { id: methodId }, data: result.verified
          ? { status: 'VERIFIED', verifiedAt: new Date(), providerRecipientId: result.providerRecipientId, failure: null }
          : { status: 'FAILED', failure: result.message } })
      })
      return result.verified ? { verified: true, reason: null } : { verified: false, reason: result.message }
    },
  }
}
