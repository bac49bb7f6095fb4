import assert from 'node:assert/strict'
import express from 'express'
import { pino } from 'pino'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { createCcbillDriver } from '../../activities/payments/ccbill/driver.ts'
import { listen, type Listening } from '../../ops/sandboxes/listen.ts'
import { errorMiddleware } from '../errors.ts'
import { createWebhookRouter } from './webhooks.ts'

type Signal = { workflowId: string; name: string; payload: unknown }

/** CCBill's `timestamp`: 'YYYY-MM-DD HH:MM:SS', UTC. */
const ccbillNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

describe('processor webhooks route: subscription events', () => {
  let server: Listening
  let rows: Map<string, { type: string; workflowId: string | null }>
  let signals: Signal[]
  let signalFailure: Error | null
  let logs: { level: number; msg: string; workflowId?: string }[]

  // stands in for processor_events: unique on (processor, eventId), as createMany({ skipDuplicates }) relies on
  const db = {
    processorEventRecord: {
      createMany: async ({ data }: { data: { processor: string; eventId: string; type: string; workflowId: string | null }[] }) => {
        const fresh = data.filter((row) => !rows.has(`${row.processor}:${row.eventId}`))
        for (const row of fresh) rows.set(`${row.processor}:${row.eventId}`, row)
        return { count: fresh.length }
      },
    },
  } as unknown as Db
  const temporal = {
    workflow: {
      getHandle: (workflowId: string) => ({
        signal: async (definition: { name: string }, payload: unknown) => {
          if (signalFailure) throw signalFailure
          signals.push({ workflowId, name: definition.name, payload })
        },
      }),
    },
  } as unknown as Client
  const ccbill = createCcbillDriver({ apiBaseUrl: 'http://api.invalid', datalinkBaseUrl: 'http://datalink.invalid', clientAccnum: '900100',
    clientSubacc: '0000', appId: 'a', secret: 's', datalinkUsername: 'u', datalinkPassword: 'p', allowedSourceCidrs: ['127.0.0.1/32'] })

  beforeEach(async () => {
    [rows, signals, signalFailure, logs] = [new Map(), [], null, []]
    const log = pino({ level: 'info' }, { write: (line: string) => { logs.push(JSON.parse(line) as (typeof logs)[number]) } })
    const app = express()
    app.use((req, _res, next) => {
      req.log = log
      next()
    })
    app.use(createWebhookRouter({ db, temporal, drivers: { ccbill }, pii: {} as never }))
    app.use(errorMiddleware)
    server = await listen(app, 0)
  })
  afterEach(() => server.close())

  const fields = (workflowId: string, extra: Record<string, string> = {}) => ({
    subscriptionId: '1772366400000000001', transactionId: '1772366400000000002', clientAccnum: '900100', clientSubacc: '0000',
    timestamp: ccbillNow(), 'X-workflowId': workflowId, 'X-fanId': 'fan-1', ...extra,
  })
  const renewal = (workflowId = 'sub:s-1') => fields(workflowId, { billedAmount: '12.99', billedCurrencyCode: '840' })
  const post = (eventType: string, body: Record<string, string>) => fetch(`${server.url}/webhooks/ccbill?eventType=${eventType}`,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) })

  it('stores a rebill and signals the subscription workflow with the event', async () => {
    const res = await post('RenewalSuccess', renewal())
    assert.deepEqual([res.status, await res.text()], [200, 'OK'])
    assert.equal(rows.size, 1)
    assert.equal(signals.length, 1)
    const [signal] = signals
    assert.deepEqual([signal?.workflowId, signal?.name], ['sub:s-1', 'subscriptionProcessorEvent'])
    const payload = signal?.payload as Record<string, unknown>
    assert.deepEqual(Object.keys(payload).sort(), ['amount', 'eventId', 'occurredAt', 'processorFee', 'transactionId', 'type'])
    assert.deepEqual([payload.eventId, payload.type, payload.transactionId, payload.amount, payload.processorFee],
      ['RenewalSuccess:1772366400000000001:1772366400000000002', 'rebill', '1772366400000000001', 1299, null])
    assert.match(String(payload.occurredAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/)
  })

  it('signals failed rebills and cancellations too', async () => {
    assert.equal((await post('RenewalFailure', fields('sub:s-1', { failureReason: 'Insufficient Funds' }))).status, 200)
    assert.equal((await post('Cancellation', fields('sub:s-1', { transactionId: '', reason: 'fan' }))).status, 200)
    assert.deepEqual(signals.map((s) => (s.payload as { type: string }).type), ['rebill_failed', 'cancellation'])
  })

  it('stores a redelivery once and signals it again, for the workflow to dedupe', async () => {
    const body = renewal()
    for (let i = 0; i < 2; i++) assert.equal((await post('RenewalSuccess', body)).status, 200)
    assert.equal(rows.size, 1)
    assert.equal(signals.length, 2)
    assert.equal((signals[0]?.payload as { eventId: string }).eventId, (signals[1]?.payload as { eventId: string }).eventId)
  })

  it('acknowledges, stores and logs an event for a workflow that has ended', async () => {
    signalFailure = new WorkflowNotFoundError('workflow execution already completed', 'sub:s-1', undefined)
    const res = await post('RenewalSuccess', renewal())
    assert.deepEqual([res.status, await res.text()], [200, 'OK'])
    assert.equal(rows.size, 1)
    assert.ok(logs.some((l) => l.level === 40 && l.workflowId === 'sub:s-1' && /ended/.test(l.msg)), 'a warning names the workflow')
  })

  it('answers 500 when Temporal cannot be reached, so the processor retries; the event is stored once all the same', async () => {
    signalFailure = new Error('14 UNAVAILABLE: connection refused')
    assert.equal((await post('RenewalSuccess', renewal())).status, 500)
    signalFailure = null
    assert.equal((await post('RenewalSuccess', renewal())).status, 200)
    assert.deepEqual([rows.size, signals.length], [1, 1])
  })

  it('signals nothing for other workflows, other event types, or a rejected notification', async () => {
    assert.equal((await post('RenewalSuccess', renewal('ppv:fan-1:post-1'))).status, 200)
    assert.equal((await post('NewSaleSuccess', fields('sub:s-1', { billedInitialPrice: '9.99', billedCurrencyCode: '840' }))).status, 200)
    assert.equal((await post('Bogus', renewal())).status, 400)
    assert.deepEqual([rows.size, signals.length], [2, 0])
  })
})
