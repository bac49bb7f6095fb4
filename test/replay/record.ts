/**
 * Records fresh histories into test/replay/histories/:
 * `npm run replay:record -- [check-platform] [purchase-ppv] [purchase-ppv-zero-window] [handle-chargeback] [handle-chargeback-case-record] [refund-purchase] [refund-purchase-shortfall] [subscription-renewal] [subscription-dunning-cancel] [send-tip] [signup-fan] [verify-identity] [ingest-media-published] [ingest-media-appeal] [verify-co-performer-expired] [purge-expired-archives] [takedown-media] [pay-creator-approval-fallback]
 * [pay-creator-returned] [run-payouts] [host:port]`.
 * checkPlatform runs on a running stack (npm start, or the given Temporal host:port); the money workflows wait out
 * month-long timers, so they run on the time-skipping test server with recorded fake activities.
 */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { Client, Connection, type WorkflowHandle } from '@temporalio/client'
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { TOOLS } from '../../ops/stack/paths.ts'
import { checkPlatform } from '../../workflows/check-platform.ts'
import { checkPlatformTaskQueue, checkPlatformWorkflowId } from '../../workflows/check-platform.contract.ts'
import { subscription } from '../../workflows/subscription.ts'
import { cancelUpdate, pauseUpdate, resumeUpdate, type SubscribeInput } from '../../workflows/subscription.contract.ts'
import { subscriptionFakes } from '../support/subscription-fakes.ts'
import { handleChargeback } from '../../workflows/handle-chargeback.ts'
import { purchasePpv } from '../../workflows/purchase-ppv.ts'
import { refundPurchase } from '../../workflows/refund-purchase.ts'
import { sendTip } from '../../workflows/send-tip.ts'
import { chargebackFakes, refundFakes } from '../support/chargeback-fakes.ts'
import { fakes } from '../support/ppv-fakes.ts'
import { identityFakes, outcome } from '../support/identity-fakes.ts'
import { signupFan } from '../../workflows/signup-fan.ts'
import { emailVerifiedSignal, resendVerificationSignal } from '../../workflows/signup-fan.contract.ts'
import { verifyIdentity } from '../../workflows/verify-identity.ts'
import { ingestMedia } from '../../workflows/ingest-media.ts'
import { appealDecisionUpdate, appealUpdate, ingestMediaWorkflowId, ingestProgressQuery, reviewDecisionUpdate, uploadCompletedSignal,
  verifyCoPerformerWorkflowId, type IngestMediaInput } from '../../workflows/ingest-media.contract.ts'
import { verifyCoPerformer } from '../../workflows/verify-co-performer.ts'
import { reinstateTakedownUpdate, takedownMedia, takedownWorkflowId } from '../../workflows/takedown-media.ts'
import { mediaFakes } from '../support/media-fakes.ts'
import { payoutFakes } from '../support/payout-fakes.ts'
import { payCreator } from '../../workflows/pay-creator.ts'
import { runPayouts } from '../../workflows/run-payouts.ts'
import { payCreatorProgressQuery, payCreatorWorkflowId, payoutDecisionUpdate, payoutsTaskQueue } from '../../workflows/payouts.contract.ts'
import { DEFAULT_KYC_TIMINGS, decideUpdate, providerEventSignal, verificationStateQuery } from '../../workflows/verify-identity.contract.ts'
import { purgeExpiredArchives } from '../../workflows/purge-expired-archives.ts'

const which = process.argv.slice(2).filter((a) => !a.includes(':'))
const want = (name: string) => which.length === 0 || which.includes(name)
const address = process.argv.slice(2).find((a) => a.includes(':')) ?? '127.0.0.1:7233'

async function save(name: string, handle: WorkflowHandle): Promise<void> {
  // the first run: a workflow that continued as new keeps its most telling history there
  const runId = (handle as { firstExecutionRunId?: string }).firstExecutionRunId
  const first = runId ? handle.client.getHandle(handle.workflowId, runId) : handle
  await writeFile(new URL(`./histories/${name}.json`, import.meta.url), historyToJSON(await first.fetchHistory()))
  console.log(`recorded ${handle.workflowId} -> test/replay/histories/${name}.json`)
}

if (want('check-platform')) {
  const connection = await Connection.connect({ address })
  const checkId = randomUUID()
  const handle = await new Client({ connection }).workflow.start(checkPlatform, {
    workflowId: checkPlatformWorkflowId(checkId), taskQueue: checkPlatformTaskQueue, args: [{ checkId, requestedById: null }],
  })
  const result = await handle.result()
  if (!result.ok) throw new Error(`refusing to record a failed check: ${JSON.stringify(result.checks)}`)
  await save('check-platform', handle)
  await connection.close()
}

/** One whole run of a workflow on the time-skipping server, its activities faked. */
type Recording = { name: string; start: (env: TestWorkflowEnvironment, taskQueue: string) => Promise<WorkflowHandle>;
  activities: object; drive?: (handle: WorkflowHandle, env: TestWorkflowEnvironment) => Promise<void>
  /** the queue to record on when the workflow starts children on its own (default record-<name>) */
  taskQueue?: string }

/** Waits until the verification has opened its provider session. */
async function sessionOpen(handle: WorkflowHandle, status = 'awaiting_applicant') {
  for (let i = 0; i < 300; i++) {
    const s = await handle.query(verificationStateQuery)
    if (s.hostedUrl && s.status === status) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the verification never reached ' + status)
}
const SUBSCRIBE: SubscribeInput = { subscriptionId: 's-1', fanId: 'fan-1', planId: 'plan-1', tierId: 'basic', periodMonths: 1, processor: 'epoch',
  paymentToken: 'tok_approve', jurisdiction: 'US', promoCode: null }
const ALL: Recording[] = [
  { name: 'purchase-ppv', activities: fakes().activities,
    start: (env, taskQueue) => env.client.workflow.start(purchasePpv, { workflowId: 'ppv:fan-1:post-1', taskQueue,
      args: [{ purchaseId: 'p-1', fanId: 'fan-1', postId: 'post-1', processor: 'ccbill', paymentToken: 'tok_approve', jurisdiction: 'DE' }] }) },
  { name: 'handle-chargeback', activities: chargebackFakes({ stillPending: false, clawbackLimit: 200 }).activities,
    start: (env, taskQueue) => env.client.workflow.start(handleChargeback, { workflowId: 'chargeback:ccbill:tx-1', taskQueue,
      args: [{ processor: 'ccbill', transactionId: 'tx-1', eventId: 'ev-1', purchaseWorkflowId: 'ppv:fan-1:post-1' }] }) },
  { name: 'refund-purchase', activities: refundFakes({ voided: true }).activities,
    start: (env, taskQueue) => env.client.workflow.start(refundPurchase, { workflowId: 'refund:p-1', taskQueue,
      args: [{ purchaseId: 'p-1', requestedBy: { personId: 'fan-1', role: 'fan' }, reason: 'bought by mistake' }] }) },
  // after the patches 'chargeback-case-record' and 'refund-shortfall-receivable' (the files above keep the older runs)
  { name: 'handle-chargeback-case-record', activities: chargebackFakes({ stillPending: false, clawbackLimit: 200 }).activities,
    start: (env, taskQueue) => env.client.workflow.start(handleChargeback, { workflowId: 'chargeback:ccbill:tx-2', taskQueue,
      args: [{ processor: 'ccbill', transactionId: 'tx-2', eventId: 'ev-2', purchaseWorkflowId: 'ppv:fan-1:post-1' }] }) },
  { name: 'refund-purchase-shortfall', activities: refundFakes({ voided: false, clawbackLimit: 666, refuseFirstPost: true }).activities,
    start: (env, taskQueue) => env.client.workflow.start(refundPurchase, { workflowId: 'refund:p-2', taskQueue,
      args: [{ purchaseId: 'p-2', requestedBy: { personId: 'fan-1', role: 'finance' }, reason: 'creator paid out already' }] }) },
  // the first run of a subscription: charged, renewed once (its run ends in continue-as-new)
  { name: 'subscription-renewal', activities: subscriptionFakes().activities,
    start: (env, taskQueue) => env.client.workflow.start(subscription, { workflowId: 'sub:s-1', taskQueue, args: [{ input: SUBSCRIBE }] }),
    drive: async (h, env) => {
      await env.sleep(31 * 86_400_000)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'period-end', reason: 'recording over', by: 'fan' }] })
    } },
  // dunning then an immediate cancel with a refund, in one run
  { name: 'subscription-dunning-cancel', activities: subscriptionFakes({ charges: ['approve', 'decline'] }).activities,
    start: (env, taskQueue) => env.client.workflow.start(subscription, { workflowId: 'sub:s-2', taskQueue, args: [{ input: { ...SUBSCRIBE, subscriptionId: 's-2' } }] }),
    drive: async (h, env) => {
      await env.sleep(3 * 86_400_000)
      await h.executeUpdate(pauseUpdate, { args: [{ days: 5 }] })
      await h.executeUpdate(resumeUpdate, { args: [] })
      await env.sleep(30 * 86_400_000)
      await h.executeUpdate(cancelUpdate, { args: [{ mode: 'immediate', reason: 'recording over', by: 'staff' }] })
    } },
  // after the patch 'sale-zero-window-no-timer': a zero-day chargeback window releases the share with no timer
  { name: 'purchase-ppv-zero-window', activities: fakes({ quote: { chargebackWindowDays: 0 } }).activities,
    start: (env, taskQueue) => env.client.workflow.start(purchasePpv, { workflowId: 'ppv:fan-1:post-2', taskQueue,
      args: [{ purchaseId: 'p-2', fanId: 'fan-1', postId: 'post-2', processor: 'ccbill', paymentToken: 'tok_approve', jurisdiction: 'DE' }] }) },
  { name: 'send-tip', activities: fakes().activities,
    start: (env, taskQueue) => env.client.workflow.start(sendTip, { workflowId: 'tip:t-1', taskQueue, args: [{ tipId: 't-1', fanId: 'fan-1',
      creatorId: 'creator-1', brand: 'boyfanz', amount: 500, currency: 'USD', message: 'thanks', processor: 'ccbill', paymentToken: 'tok_approve', jurisdiction: 'US' }] }) },
]
/** Expired access archives in two batches: a full one, then the rest. */
function archiveBatches() {
  const answers = [{ removed: 99, failed: 1, more: true, last: { at: '2026-11-17T10:00:00.000Z', id: 'request-100' } },
    { removed: 7, failed: 0, more: false, last: { at: '2026-11-18T09:00:00.000Z', id: 'request-107' } }]
  return { dsrRemoveExpiredArchives: async () => answers.shift() ?? { removed: 0, failed: 0, more: false, last: null } }
}
ALL.push(
  { name: 'purge-expired-archives', activities: archiveBatches(),
    start: (env, taskQueue) => env.client.workflow.start(purgeExpiredArchives, { workflowId: 'privacy-archive-expiry-2026-11-25T03:17:00Z', taskQueue, args: [] }) },
)
ALL.push(
  { name: 'signup-fan', activities: identityFakes().activities,
    start: (env, taskQueue) => env.client.workflow.start(signupFan, { workflowId: 'signup:person-1', taskQueue, args: [{ personId: 'person-1',
      brandSlug: 'girlfanz', assurance: 'self_declaration', tokenTtlHours: 24, expiryDays: 7, maxResends: 5, kyc: DEFAULT_KYC_TIMINGS }] }),
    drive: async (h) => { await h.signal(resendVerificationSignal); await h.signal(emailVerifiedSignal) } },
  { name: 'verify-identity', activities: identityFakes([outcome('review', 'NAME_MISMATCH')]).activities,
    start: (env, taskQueue) => env.client.workflow.start(verifyIdentity, { workflowId: 'kyc:person-1', taskQueue, args: [{ personId: 'person-1',
      brandSlug: 'boyfanz', purpose: 'creator', timings: DEFAULT_KYC_TIMINGS, round: 1, caseId: 'case-1' }] }),
    drive: async (h) => {
      await sessionOpen(h)
      await h.signal(providerEventSignal, { eventId: 'e-1', sessionId: 's-1', status: 'review' })
      await sessionOpen(h, 'review')
      await h.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'checked by hand', operatorId: 'op-1' }] })
    } },
)
/** Waits (in real time: activities run for real) until the ingest reports `stage`. */
async function ingestStage(h: WorkflowHandle, stage: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await h.query(ingestProgressQuery)).stage === stage) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the ingest never reached ${stage}`)
}
const appealFakes = mediaFakes({ missing: [{ performerId: 'perf-2', alias: 'Jay', role: 'co-performer', status: 'PENDING' }] })
const ingestArgs = (invites: { performerId: string; email: string }[] = []): [IngestMediaInput] => [{ mediaId: 'media-1', invites, reviewSlaHours: 24, appealWindowDays: 14 }]
ALL.push(
  { name: 'ingest-media-published', activities: mediaFakes().activities,
    start: (env, taskQueue) => env.client.workflow.start(ingestMedia, { workflowId: ingestMediaWorkflowId('media-1'), taskQueue, args: ingestArgs() }),
    drive: async (h, env) => {
      await h.signal(uploadCompletedSignal)
      await ingestStage(h, 'in_review')
      await env.sleep(25 * 3_600_000) // past the review SLA: escalated once
      await h.executeUpdate(reviewDecisionUpdate, { args: [{ decision: 'approve', reasonCode: 'LOOKS_FINE', actorId: 'mod-1' }] })
    } },
  { name: 'ingest-media-appeal', activities: appealFakes.activities,
    start: (env, taskQueue) => env.client.workflow.start(ingestMedia, { workflowId: ingestMediaWorkflowId('media-2'), taskQueue,
      args: [{ ...ingestArgs([{ performerId: 'perf-2', email: 'jay@example.test' }])[0]!, mediaId: 'media-2' }] }),
    drive: async (h) => {
      await h.signal(uploadCompletedSignal)
      await ingestStage(h, 'in_review')
      await h.executeUpdate(reviewDecisionUpdate, { args: [{ decision: 'reject', reasonCode: 'BRAND_LIMIT', note: 'public place', actorId: 'mod-1' }] })
      await ingestStage(h, 'rejected')
      await h.executeUpdate(appealUpdate, { args: [{ reason: 'It is a private garden.', actorId: 'creator-1' }] })
      await ingestStage(h, 'in_review')
      await h.executeUpdate(appealDecisionUpdate, { args: [{ uphold: true, note: 'private', actorId: 'mod-2' }] })
      await ingestStage(h, 'awaiting_performers')
      appealFakes.verify('perf-2')
    } },
  // after the patch 'co-performer-forget-invite': an invitation that lapses forgets its sealed address
  { name: 'verify-co-performer-expired', activities: mediaFakes({ missing: [{ performerId: 'perf-3', alias: 'Jo', role: 'co-performer', status: 'INVITED' }] }).activities,
    start: (env, taskQueue) => env.client.workflow.start(verifyCoPerformer, { workflowId: verifyCoPerformerWorkflowId('perf-3'), taskQueue,
      args: [{ mediaId: 'media-3', performerId: 'perf-3', parentWorkflowId: ingestMediaWorkflowId('media-3'), expiresInDays: 2 }] }) },
  { name: 'takedown-media', activities: mediaFakes().activities,
    start: (env, taskQueue) => env.client.workflow.start(takedownMedia, { workflowId: takedownWorkflowId('media-1'), taskQueue,
      args: [{ mediaId: 'media-1', actorId: 'compliance-1', reasonCode: 'COPYRIGHT', note: 'DMCA 42', appealWindowDays: 14 }] }),
    drive: async (h, env) => {
      await env.sleep(2 * 86_400_000)
      await h.executeUpdate(reinstateTakedownUpdate, { args: [{ actorId: 'compliance-2', note: 'claim withdrawn' }] })
    } },
)
/** Waits (real time) until the payout reports `status`. */
async function payoutStatus(h: WorkflowHandle, status: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await h.query(payCreatorProgressQuery)).status === status) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the payout never reached ${status}`)
}
const payInput = { runId: 'run-1', itemId: 'item-creator-1', creatorId: 'creator-1', brand: 'boyfanz', currency: 'USD' }
ALL.push(
  { name: 'pay-creator-approval-fallback', activities: payoutFakes({
    assessment: { amount: 700_000, approval: { reason: 'ABOVE_THRESHOLD', detail: 'above the 5,000.00 USD threshold' }, rails: ['ach', 'paxum'] },
    rails: { ach: { send: 'sent', status: [{ failure: 'INVALID_ACCOUNT', railCode: 'R03', message: 'No account/unable to locate account' }] }, paxum: { send: 'settled' } },
  }).activities,
    start: (env, taskQueue) => env.client.workflow.start(payCreator, { workflowId: payCreatorWorkflowId('payout-run:boyfanz:2026-11-30', 'creator-1'), taskQueue, args: [payInput] }),
    drive: async (h, env) => {
      await payoutStatus(h, 'AWAITING_APPROVAL')
      await env.sleep(30 * 3_600_000) // one reminder
      await h.executeUpdate(payoutDecisionUpdate, { args: [{ decision: 'approve', by: 'finance-1', note: 'known creator' }] })
    } },
  { name: 'pay-creator-returned', activities: payoutFakes({ assessment: { rails: ['ach'] }, rails: { ach: { send: 'sent', status: ['settled', 'settled',
    { failure: 'RETURNED', railCode: 'R02', message: 'Account closed' }] } } }).activities,
    start: (env, taskQueue) => env.client.workflow.start(payCreator, { workflowId: payCreatorWorkflowId('payout-run:boyfanz:2026-12-07', 'creator-1'), taskQueue, args: [payInput] }) },
  { name: 'run-payouts', taskQueue: payoutsTaskQueue, activities: payoutFakes({ creators: [{ creatorId: 'creator-1' },
    { creatorId: 'creator-2', assessment: { payable: false, blockedBy: ['TAX_FORM'], blockedDetail: 'No tax form on file.' } }, { creatorId: 'creator-3' }] }).activities,
    start: (env, taskQueue) => env.client.workflow.start(runPayouts, { workflowId: 'payout-run:boyfanz:2026-11-30', taskQueue, args: [{ brand: 'boyfanz', trigger: 'schedule' }] }) },
)
const recordings = ALL.filter((r) => want(r.name))

if (recordings.length > 0) {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  const workflowsPath = createRequire(import.meta.url).resolve('../../workflows/index.ts')
  for (const r of recordings) {
    const taskQueue = r.taskQueue ?? `record-${r.name}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: r.activities })
    await worker.runUntil(async () => {
      const handle = await r.start(env, taskQueue)
      await r.drive?.(handle, env)
      await handle.result()
      await save(r.name, handle)
    })
  }
  await env.teardown()
}
