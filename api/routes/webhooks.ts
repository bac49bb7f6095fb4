/** Processor notifications: verify, store raw, dedupe by the processor's event id, start or signal workflows, keep tokens, ack. */
import express, { Router } from 'express'
import type { Client } from '@temporalio/client'
import type { Logger } from 'pino'
import type { Db } from '../../prisma/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import { NOTIFICATION_ERRORS, NotificationRejected, type ProcessorDriver, type ProcessorEvent } from '../../activities/payments/driver.ts'
import { isConsumed, isSubscriptionEvent, storableEvent } from '../../activities/payments/notifications.ts'
import { createPaymentMethods } from '../../activities/payments/payment-methods.ts'
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client'
import { handleChargeback } from '../../workflows/handle-chargeback.ts'
import { handleChargebackTaskQueue, handleChargebackWorkflowId } from '../../workflows/handle-chargeback.contract.ts'
import { subscriptionEventSignal } from '../../workflows/subscription.contract.ts'
import { DomainError, type ErrorKind } from '../errors.ts'

const KIND: Record<string, ErrorKind> = {
  [NOTIFICATION_ERRORS.badSignature]: 'badSignature', [NOTIFICATION_ERRORS.untrustedSource]: 'untrustedSource',
  [NOTIFICATION_ERRORS.stale]: 'staleNotification', [NOTIFICATION_ERRORS.malformed]: 'malformedNotification',
}

/** The API error kind of a rejected notification (processor or KYC provider). */
export const notificationErrorKind = (code: string): ErrorKind => KIND[code] ?? 'malformedNotification'

// subscription workflows' business keys: only they take a processor's rebill notices
const SUBSCRIPTION_WORKFLOW_PREFIX = 'sub:'

type WebhookDeps = { db: Db; temporal: Client; drivers: Partial<Record<string, ProcessorDriver>>; pii: Pick<PiiCipher, 'encrypt' | 'decrypt'> }

export function createWebhookRouter({ db, temporal, drivers, pii }: WebhookDeps): Router {
  const router = Router()
  const paymentMethods = createPaymentMethods({ db, pii })

  /**
   * When the event happened, as its first stored copy says: a redelivered Verotel postback carries no time of its own
   * (it reads as its arrival), and a late redelivery of an older sale must not pass for a newer one.
   */
  async function firstOccurredAt(event: ProcessorEvent, duplicate: boolean): Promise<Date> {
    const row = duplicate ? await db.processorEventRecord.findUnique({ where: { processor_eventId: { processor: event.processor, eventId: event.eventId } },
      select: { payload: true } }) : null
    const stored = (row?.payload as { occurredAt?: unknown } | null | undefined)?.occurredAt
    return new Date(typeof stored === 'string' ? stored : event.occurredAt)
  }

  /**
   * Tells a subscription's workflow (`sub:<id>`) of its processor's rebill, failed rebill or cancellation; other events
   * are not for it (undefined). A redelivery is signalled again (the workflow dedupes by eventId, so a lost signal is
   * repaired); a workflow that has ended cannot take it, and that is no reason for the processor to retry: the event
   * stays stored, and is logged and acknowledged.
   */
  async function signalSubscription(event: ProcessorEvent, log: Logger): Promise<'signalled' | 'ended' | undefined> {
    const { eventId, type, transactionId, amount, occurredAt, reference: { workflowId } } = event
    if (!isSubscriptionEvent(type) || !workflowId?.startsWith(SUBSCRIPTION_WORKFLOW_PREFIX)) return undefined
    try {
      await temporal.workflow.getHandle(workflowId).signal(subscriptionEventSignal,
        { eventId, type, transactionId, amount, processorFee: event.processorFee ?? null, occurredAt })
      return 'signalled'
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err
      log.warn({ processor: event.processor, eventId, type, workflowId }, 'subscription workflow has ended; notification kept')
      return 'ended'
    }
  }

  /** One processor's notification endpoint; the raw body is kept byte for byte for signature checks. */
  const receive: express.RequestHandler = async (req, res) => {
    const driver = drivers[String(req.params.processor)]
    if (!driver) throw new DomainError('notFound', `No processor named ${req.params.processor}.`)
    let event: ProcessorEvent
    try {
      event = driver.parseNotification({ url: req.originalUrl, headers: req.headers as Record<string, string>, rawBody: typeof req.body === 'string' ? req.body : '',
        sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString() })
    } catch (err) {
      if (err instanceof NotificationRejected) throw new DomainError(notificationErrorKind(err.code), err.message)
      throw err
    }
    const { count } = await db.processorEventRecord.createMany({ skipDuplicates: true, data: [{ processor: event.processor, eventId: event.eventId,
      type: event.type, transactionId: event.transactionId, workflowId: event.reference.workflowId, payload: JSON.parse(JSON.stringify(storableEvent(event))) }] })
    if (event.type === 'chargeback' && event.reference.workflowId) {
      // the workflow id is the business key: a redelivered notice finds it started and changes nothing
      await temporal.workflow.start(handleChargeback, { workflowId: handleChargebackWorkflowId(event.processor, event.transactionId),
        taskQueue: handleChargebackTaskQueue, args: [{ processor: event.processor, transactionId: event.transactionId, eventId: event.eventId,
          purchaseWorkflowId: event.reference.workflowId }] })
        .catch((err: unknown) => { if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err })
    }
    const subscription = await signalSubscription(event, req.log)
    // the token just charged is used up: the fan's next one-click purchase needs this one (also on a redelivery, should the first copy's save have failed)
    const paymentMethod = event.nextPaymentToken && event.reference.fanId
      ? await paymentMethods.save({ personId: event.reference.fanId, processor: event.processor, token: event.nextPaymentToken,
        sourceEventId: event.eventId, sourceAt: await firstOccurredAt(event, count === 0) })
      : undefined
    req.log.info({ processor: event.processor, eventId: event.eventId, type: event.type, processorType: event.processorType,
      actedOn: isConsumed(event.type), duplicate: count === 0, paymentMethod, subscription }, 'processor notification')
    const ack = driver.notificationAck()
    res.status(ack.status).type(ack.contentType).send(ack.body)
  }
  router.post('/webhooks/:processor', express.text({ type: () => true, limit: '256kb' }), receive)
  // Verotel delivers FlexPay postbacks as GET requests with the signed parameters in the query
  router.get('/webhooks/:processor', receive)
  return router
}
