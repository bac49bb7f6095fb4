/** KYC provider webhooks: verify, store encrypted (they carry personal data), dedupe by event id, signal the case's workflow, ack. */
import express, { Router } from 'express'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import { NotificationRejected, type KycEvent, type KycProvider } from '../../activities/kyc/provider.ts'
import { providerEventSignal } from '../../workflows/verify-identity.contract.ts'
import { DomainError } from '../errors.ts'
import { notificationErrorKind } from './webhooks.ts'

export function createKycWebhookRouter({ db, temporal, pii, provider }: { db: Db; temporal: Client; pii: PiiCipher; provider: KycProvider | null }): Router {
  const router = Router()
  router.post('/webhooks/kyc/:provider', express.text({ type: () => true, limit: '512kb' }), async (req, res) => {
    if (!provider || provider.name !== req.params.provider) throw new DomainError('notFound', `No KYC provider named ${req.params.provider}.`)
    let event: KycEvent
    try {
      event = provider.parseWebhook({ url: req.originalUrl, headers: req.headers as Record<string, string>, rawBody: typeof req.body === 'string' ? req.body : '',
        sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString() })
    } catch (err) {
      if (err instanceof NotificationRejected) throw new DomainError(notificationErrorKind(err.code), err.message)
      throw err
    }
    const c = await db.kycCase.findFirst({ where: { providerSessionId: event.sessionId } })
    if (!c) throw new DomainError('notFound', 'No verification case has this session.')
    const payload = await pii.encrypt(c.personId, 'kyc_events.payload', JSON.stringify(event))
    const { count } = await db.kycEventRecord.createMany({ skipDuplicates: true, data: [{ provider: event.provider, eventId: event.eventId,
      sessionId: event.sessionId, caseId: c.id, status: event.status, payload }] })
    // a redelivered event is stored once and signalled again: the workflow dedupes by event id, so a lost signal is repaired
    await temporal.workflow.getHandle(c.workflowId).signal(providerEventSignal, { eventId: event.eventId, sessionId: event.sessionId, status: event.status })
    req.log.info({ provider: event.provider, eventId: event.eventId, caseId: c.id, status: event.status, duplicate: count === 0 }, 'kyc webhook')
    const ack = provider.webhookAck()
    res.status(ack.status).type(ack.contentType).send(ack.body)
  })
  return router
}
