/** Processor notifications: verify, store raw, dedupe by the processor's event id, signal the workflow, ack. */
import express, { Router } from 'express'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { NOTIFICATION_ERRORS, NotificationRejected, type ProcessorDriver, type ProcessorEvent } from '../../activities/payments/driver.ts'
import { chargebackNoticeSignal } from '../../workflows/purchase-ppv.ts'
import { DomainError, type ErrorKind } from '../errors.ts'

const KIND: Record<string, ErrorKind> = {
  [NOTIFICATION_ERRORS.badSignature]: 'badSignature', [NOTIFICATION_ERRORS.untrustedSource]: 'untrustedSource',
  [NOTIFICATION_ERRORS.stale]: 'staleNotification', [NOTIFICATION_ERRORS.malformed]: 'malformedNotification',
}

export function createWebhookRouter({ db, temporal, drivers }: { db: Db; temporal: Client; drivers: Partial<Record<string, ProcessorDriver>> }): Router {
  const router = Router()

  /** One processor's notification endpoint; the raw body is kept byte for byte for signature checks. */
  router.post('/webhooks/:processor', express.text({ type: () => true, limit: '256kb' }), async (req, res) => {
    const driver = drivers[String(req.params.processor)]
    if (!driver) throw new DomainError('notFound', `No processor named ${req.params.processor}.`)
    let event: ProcessorEvent
    try {
      event = driver.parseNotification({ url: req.originalUrl, headers: req.headers as Record<string, string>, rawBody: typeof req.body === 'string' ? req.body : '',
        sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString() })
    } catch (err) {
      if (err instanceof NotificationRejected) throw new DomainError(KIND[err.code] ?? 'malformedNotification', err.message)
      throw err
    }
    const { count } = await db.processorEventRecord.createMany({ skipDuplicates: true, data: [{ processor: event.processor, eventId: event.eventId,
      type: event.type, transactionId: event.transactionId, workflowId: event.reference.workflowId, payload: JSON.parse(JSON.stringify(event)) }] })
    if (count === 1 && event.type === 'chargeback' && event.reference.workflowId) {
      await temporal.workflow.getHandle(event.reference.workflowId).signal(chargebackNoticeSignal, { eventId: event.eventId })
        .catch((err: unknown) => req.log.warn({ err, event: event.eventId }, 'chargeback for a workflow that is not running'))
    }
    req.log.info({ processor: event.processor, eventId: event.eventId, type: event.type, duplicate: count === 0 }, 'processor notification')
    const ack = driver.notificationAck()
    res.status(ack.status).type(ack.contentType).send(ack.body)
  })
  return router
}
