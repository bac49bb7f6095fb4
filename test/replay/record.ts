/**
 * Records fresh histories into test/replay/histories/: `npm run replay:record -- [check-platform] [purchase-ppv] [handle-chargeback] [refund-purchase] [send-tip]`.
 * checkPlatform runs on a running stack (npm start, or TEMPORAL_ADDRESS as the first argument's host:port).
 */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { Client, Connection } from '@temporalio/client'
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js'
import { checkPlatform } from '../../workflows/check-platform.ts'
import { checkPlatformTaskQueue, checkPlatformWorkflowId } from '../../workflows/check-platform.contract.ts'

const which = process.argv.slice(2).filter((a) => !a.includes(':'))
const want = (name: string) => which.length === 0 || which.includes(name)
const address = process.argv.slice(2).find((a) => a.includes(':')) ?? '127.0.0.1:7233'

if (want('check-platform')) {
const connection = await Connection.connect({ address })
const client = new Client({ connection })

const checkId = randomUUID()
const handle = await client.workflow.start(checkPlatform, {
  workflowId: checkPlatformWorkflowId(checkId), taskQueue: checkPlatformTaskQueue, args: [{ checkId, requestedById: null }],
})
const result = await handle.result()
if (!result.ok) throw new Error(`refusing to record a failed check: ${JSON.stringify(result.checks)}`)
const file = new URL('./histories/check-platform.json', import.meta.url)
await writeFile(file, historyToJSON(await handle.fetchHistory()))
console.log(`recorded ${handle.workflowId} -> ${file.pathname}`)
await connection.close()
}

// purchasePpv runs for its 30-day chargeback window: record a whole run on the time-skipping server.
if (want('purchase-ppv')) {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing')
  const { Worker } = await import('@temporalio/worker')
  const { createRequire } = await import('node:module')
  const { TOOLS } = await import('../../ops/stack/paths.ts')
  const { fakes } = await import('../support/ppv-fakes.ts')
  const { purchasePpv } = await import('../../workflows/purchase-ppv.ts')
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record-ppv', activities: fakes().activities,
    workflowsPath: createRequire(import.meta.url).resolve('../../workflows/index.ts') })
  const history = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(purchasePpv, { workflowId: 'ppv:fan-1:post-1', taskQueue: 'record-ppv',
      args: [{ purchaseId: 'p-1', fanId: 'fan-1', postId: 'post-1', processor: 'ccbill', paymentToken: 'tok_approve', jurisdiction: 'DE' }] })
    await handle.result()
    return handle.fetchHistory()
  })
  await writeFile(new URL('./histories/purchase-ppv.json', import.meta.url), historyToJSON(history))
  console.log('recorded purchasePpv (completed, creator share released) -> test/replay/histories/purchase-ppv.json')
  await env.teardown()
}

// handleChargeback: a chargeback after the share was released, on the time-skipping server.
if (want('handle-chargeback')) {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing')
  const { Worker } = await import('@temporalio/worker')
  const { createRequire } = await import('node:module')
  const { TOOLS } = await import('../../ops/stack/paths.ts')
  const { chargebackFakes } = await import('../support/chargeback-fakes.ts')
  const { handleChargeback } = await import('../../workflows/handle-chargeback.ts')
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record-cb', activities: chargebackFakes({ stillPending: false, clawbackLimit: 200 }).activities,
    workflowsPath: createRequire(import.meta.url).resolve('../../workflows/index.ts') })
  const history = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(handleChargeback, { workflowId: 'chargeback:ccbill:tx-1', taskQueue: 'record-cb',
      args: [{ processor: 'ccbill', transactionId: 'tx-1', eventId: 'ev-1', purchaseWorkflowId: 'ppv:fan-1:post-1' }] })
    await handle.result()
    return handle.fetchHistory()
  })
  await writeFile(new URL('./histories/handle-chargeback.json', import.meta.url), historyToJSON(history))
  console.log('recorded handleChargeback -> test/replay/histories/handle-chargeback.json')
  await env.teardown()
}

// refundPurchase: a fan's refund of an unsettled (voided) sale, on the time-skipping server.
if (want('refund-purchase')) {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing')
  const { Worker } = await import('@temporalio/worker')
  const { createRequire } = await import('node:module')
  const { TOOLS } = await import('../../ops/stack/paths.ts')
  const { refundFakes } = await import('../support/chargeback-fakes.ts')
  const { refundPurchase } = await import('../../workflows/refund-purchase.ts')
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record-refund', activities: refundFakes({ voided: true }).activities,
    workflowsPath: createRequire(import.meta.url).resolve('../../workflows/index.ts') })
  const history = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(refundPurchase, { workflowId: 'refund:p-1', taskQueue: 'record-refund',
      args: [{ purchaseId: 'p-1', requestedBy: { personId: 'fan-1', role: 'fan' }, reason: 'bought by mistake' }] })
    await handle.result()
    return handle.fetchHistory()
  })
  await writeFile(new URL('./histories/refund-purchase.json', import.meta.url), historyToJSON(history))
  console.log('recorded refundPurchase -> test/replay/histories/refund-purchase.json')
  await env.teardown()
}

// sendTip: a tip, creator share released after the window, on the time-skipping server.
if (want('send-tip')) {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing')
  const { Worker } = await import('@temporalio/worker')
  const { createRequire } = await import('node:module')
  const { TOOLS } = await import('../../ops/stack/paths.ts')
  const { fakes } = await import('../support/ppv-fakes.ts')
  const { sendTip } = await import('../../workflows/send-tip.ts')
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record-tip', activities: fakes().activities,
    workflowsPath: createRequire(import.meta.url).resolve('../../workflows/index.ts') })
  const history = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(sendTip, { workflowId: 'tip:t-1', taskQueue: 'record-tip', args: [{ tipId: 't-1', fanId: 'fan-1',
      creatorId: 'creator-1', brand: 'boyfanz', amount: 500, currency: 'USD', message: 'thanks', processor: 'ccbill', paymentToken: 'tok_approve', jurisdiction: 'US' }] })
    await handle.result()
    return handle.fetchHistory()
  })
  await writeFile(new URL('./histories/send-tip.json', import.meta.url), historyToJSON(history))
  console.log('recorded sendTip -> test/replay/histories/send-tip.json')
  await env.teardown()
}
