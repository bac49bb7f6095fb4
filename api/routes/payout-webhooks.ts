/** Payout rail notifications (Wise, Dwolla): verify, store raw, dedupe by the rail's event id, wake the payout's workflow, ack. */
import express, { Router } from 'express'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { RAIL_NOTIFICATION_ERRORS, RailNotificationRejected, type PayoutRail, type RailEvent } from '../../activities/payouts/rail.ts'
import type { PayoutRailName } from '../../domain/payouts/destinations.ts'
import { railUpdateSignal } from '../../workflows/payouts.contract.ts'
import { DomainError } from '../errors.ts'
import { notificationErrorKind } from './webhooks.ts'

export function createPayoutWebhookRouter({ db, temporal, rails }: { db: Db; temporal: Client; rails: Partial<Record<PayoutRailName, PayoutRail>> }): Router {
  const router = Router()

  type Item = NonNullable<Awaited<ReturnType<typeof db.payoutItem.findFirst>>>

  /** A failure or return reported after the payout's workflow ended: one reconciliation case per payout and rail. */
  async function openLateReturnCase(event: RailEvent, item: Item | null) {
    if (!item || event.state.status !== 'failed') return
    await db.reconciliationCase.createMany({ skipDuplicates: true, data: [{ runId: item.runId, rail: event.rail, kind: 'LATE_RETURN',
      providerRef: event.providerRef, itemId: item.id, ledgerAmount: item.amount, railAmount: item.amount, currency: item.currency,
      detail: `${event.rail} reported the ${item.status} payout ${event.state.failure} (${event.state.railCode}) after its return window closed: ${event.state.message}` }] })
  }

  /** One rail's notification endpoint; the raw body is kept byte for byte for signature checks. */
  router.post('/webhooks/payouts/:rail', express.text({ type: () => true, limit: '256kb' }), async (req, res) => {
    const name = String(req.params.rail)
    const rail = Object.hasOwn(rails, name) ? rails[name as PayoutRailName] : undefined
    if (!rail) throw new DomainError('notFound', `No payout rail named ${req.params.rail}.`)
    let event: RailEvent
    try {
      event = rail.parseNotification({ url: req.originalUrl, headers: req.headers as Record<string, string>, rawBody: typeof req.body === 'string' ? req.body : '',
        sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString() })
    } catch (err) {
      // a verified event on another topic: acknowledged, or the rail would keep sending it
      if (err instanceof RailNotificationRejected && err.code === RAIL_NOTIFICATION_ERRORS.notAboutPayout) return void res.status(200).json({ received: true, ignored: true })
      if (err instanceof RailNotificationRejected) throw new DomainError(notificationErrorKind(err.code), err.message)
      throw err
    }
    // the payout the event is about, by the rail's payout reference (our workflow id when the rail echoes it)
    const item = await db.payoutItem.findFirst({ where: { rail: event.rail, providerRef: event.providerRef } })
    const workflowId = event.workflowId ?? item?.workflowId ?? null
    // an event about a payout whose reference is not recorded yet (it raced our own record of the send): the rail retries
    if (!workflowId) throw new DomainError('unavailable', 'This payout is not known yet; send the notification again later.')
    const { count } = await db.payoutRailEvent.createMany({ skipDuplicates: true, data: [{ rail: event.rail, eventId: event.eventId,
      providerRef: event.providerRef, workflowId, payload: JSON.parse(JSON.stringify({ state: event.state, occurredAt: event.occurredAt, raw: event.raw })) }] })
    // a redelivery signals again: the workflow re-reads the rail's status, so a repeat changes nothing and a lost signal is repaired
    const signalled = await temporal.workflow.getHandle(workflowId).signal(railUpdateSignal, { eventId: event.eventId, rail: event.rail, status: event.state.status })
      .then(() => true, (err: unknown) => { if (err instanceof WorkflowNotFoundError) return false; throw err })
    // the payout's run has ended (its return window closed): money coming back now is a case for finance, never dropped
    if (!signalled && event.state.status === 'failed') await openLateReturnCase(event, item)
    req.log.info({ rail: event.rail, eventId: event.eventId, providerRef: event.providerRef, workflowId, duplicate: count === 0, signalled }, 'payout rail notification')
    res.status(200).json({ received: true })
  })
  return router
}
