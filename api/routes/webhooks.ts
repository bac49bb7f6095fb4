/** Processor notifications: verify, store raw, dedupe by the processor's event id, start or signal workflows, ack. */
import express, { Router } from 'express'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { NOTIFICATION_ERRORS, NotificationRejected, type ProcessorDriver, type ProcessorEvent } from '../../activities/payments/driver.ts'
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client'
import { handleChargeback } from '../../workflows/handle-chargeback.ts'
import { handleChargebackTaskQueue, handleChargebackWorkflowId } from '../../workflows/handle-chargeback.contract.ts'
import { DomainError, type ErrorKind } from '../errors.ts'

const KIND: Record<string, ErrorKind> = {
  [NOTIFICATION_ERRORS.badSignature]: 'badSignature', [NOTIFICATION_ERRORS.untrustedSource]: 'untrustedSource',
  [NOTIFICATION_ERRORS.stale]: 'staleNotification', [NOTIFICATION_ERRORS.malformed]: 'malformedNotification',
}

/** The API error kind of a rejected notification (processor or KYC provider). */
export const notificationErrorKind = (code: string): ErrorKind => KIND[code] ?? 'malformedNotification'

export function createWebhookRouter({ db, temporal, drivers }: { db: Db; temporal: Client; drivers: Partial<Record<string, ProcessorDriver>> }): Router {
  const router = Router()

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
      type: event.type, transactionId: event.transactionId, workflowId: event.reference.workflowId, payload: JSON.parse(JSON.stringify(event)) }] })
    if (event.type === 'chargeback' && event.reference.workflowId) {
      // the workflow id is the business key: a redelivered notice finds it started and changes nothing
      await temporal.workflow.start(handleChargeback, { workflowId: handleChargebackWorkflowId(event.processor, event.transactionId),
        taskQueue: handleChargebackTaskQueue, args: [{ processor: event.processor, transactionId: event.transactionId, eventId: event.eventId,
          purchaseWorkflowId: event.reference.workflowId }] })
        .catch((err: unknown) => { if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err })
    }
    req.log.info({ processor: event.processor, eventId: event.eventId, type: event.type, duplicate: count === 0 }, 'processor notification')
    const ack = driver.notificationAck()
    res.status(ack.status).type(ack.contentType).send(ack.body)
  }
  router.post('/webhooks/:processor', express.text({ type: () => true, limit: '256kb' }), receive)
  // Verotel delivers FlexPay postbacks as GET requests with the signed parameters in the query
  router.get('/webhooks/:processor', receive)
  return router
}
