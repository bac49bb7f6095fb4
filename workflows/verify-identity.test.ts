import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import type { WorkflowHandle } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import { approved, identityFakes, outcome } from '../test/support/identity-fakes.ts'
import { verifyIdentity } from './verify-identity.ts'
import { DEFAULT_KYC_TIMINGS, decideUpdate, providerEventSignal, verificationStateQuery, type VerifyIdentityState } from './verify-identity.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const HOUR = 3_600_000

describe('verifyIdentity workflow (time-skipping test server)', function () {
  this.timeout(240_000)
  let env: TestWorkflowEnvironment
  // a server per test: a case left sleeping until its re-verification would otherwise move the shared clock for the next test
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  /** Starts a creator verification, runs `drive` against it while a worker with the fakes serves it. */
  async function run(f: ReturnType<typeof identityFakes>, drive: (h: WorkflowHandle<typeof verifyIdentity>) => Promise<VerifyIdentityState | void>) {
    const taskQueue = `kyc-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    return worker.runUntil(async () => {
      const h = await env.client.workflow.start(verifyIdentity, { workflowId: `kyc:${randomUUID()}`, taskQueue,
        args: [{ personId: 'p-1', brandSlug: 'boyfanz', purpose: 'creator', timings: DEFAULT_KYC_TIMINGS, round: 1, caseId: 'c-1' }] })
      return { h, out: await drive(h) }
    })
  }
  const event = (h: WorkflowHandle<typeof verifyIdentity>, eventId: string, sessionId = 's-1', status: 'approved' | 'declined' | 'resubmission_requested' | 'review' = 'approved') =>
    h.signal(providerEventSignal, { eventId, sessionId, status })
  const until = async (h: WorkflowHandle<typeof verifyIdentity>, ok: (s: VerifyIdentityState) => boolean) => {
    let last: VerifyIdentityState | undefined
    for (let i = 0; i < 600; i++) {
      last = await h.query(verificationStateQuery)
      if (ok(last)) return last
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`state never reached; last: ${JSON.stringify(last)}`)
  }

  it('approves: 2257 record, creator access, decision mail, then sleeps until re-verification before the document expires', async () => {
    const f = identityFakes([approved('2031-06-30')])
    const { out } = await run(f, async (h) => {
      await until(h, (s) => s.hostedUrl !== null)
      await event(h, 'e-1')
      await event(h, 'e-1')
      return until(h, (s) => s.status === 'approved')
    })
    assert.deepEqual(f.names().filter((n) => n !== 'recordKycCase'), ['openKycRound', 'assessVerification', 'createPerformerRecord', 'grantVerifiedAccess', 'sendPersonMail'])
    assert.equal(out?.reverifyAt, '2031-05-31T00:00:00.000Z', 'thirty days before the document expires')
    assert.equal(f.calls.filter((c) => c.name === 'assessVerification').length, 1, 'a redelivered event is handled once')
  })

  it('reminds the applicant on days 1, 3 and 6, then expires the case on day 14', async () => {
    const f = identityFakes()
    const { out: final } = await run(f, async (h) => { await env.sleep(15 * 24 * HOUR); return h.result() })
    assert.ok(final)
    assert.deepEqual([final.status, final.remindersSent, final.reasonCode], ['expired', 3, 'NOT_COMPLETED'])
    assert.deepEqual(f.mails(), ['kycReminder', 'kycReminder', 'kycReminder', 'kycDecision'])
    assert.ok(!f.names().includes('grantVerifiedAccess'))
  })

  it('opens a new session per resubmission and declines after the cap', async () => {
    const f = identityFakes([1, 2, 3, 4].map(() => outcome('resubmission', 'POOR_CAPTURE')))
    const { out: final } = await run(f, async (h) => {
      for (let i = 1; i <= 4; i++) {
        await until(h, (s) => s.hostedUrl === `http://kyc.local/s-${i}`)
        await event(h, `e-${i}`, `s-${i}`, 'resubmission_requested')
      }
      return h.result()
    })
    assert.ok(final)
    assert.deepEqual([final.status, final.reasonCode, final.resubmissions], ['declined', 'TOO_MANY_RESUBMISSIONS', 3])
    assert.equal(f.calls.filter((c) => c.name === 'openKycRound').length, 4)
    assert.deepEqual(f.calls.filter((c) => c.name === 'openKycRound').map((c) => String(c.args.idempotencyKey).split(':').pop()), ['0', '1', '2', '3'])
  })

  it('ignores an event of an abandoned session', async () => {
    const f = identityFakes([outcome('resubmission', 'POOR_CAPTURE'), approved()])
    const { out } = await run(f, async (h) => {
      await until(h, (s) => s.hostedUrl === 'http://kyc.local/s-1')
      await event(h, 'e-1', 's-1', 'resubmission_requested')
      await until(h, (s) => s.hostedUrl === 'http://kyc.local/s-2')
      await event(h, 'e-old', 's-1', 'approved')
      await event(h, 'e-2', 's-2', 'approved')
      return until(h, (s) => s.status === 'approved')
    })
    assert.equal(out?.resubmissions, 1)
    assert.equal(f.calls.filter((c) => c.name === 'assessVerification').length, 2)
  })

  it('escalates a review past its SLA, then takes the compliance approval as an update', async () => {
    const f = identityFakes([outcome('review', 'NAME_MISMATCH')])
    const { out } = await run(f, async (h) => {
      await until(h, (s) => s.hostedUrl !== null)
      await event(h, 'e-1', 's-1', 'review')
      await until(h, (s) => s.status === 'review')
      await env.sleep(49 * HOUR)
      const decided = await h.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'names match the passport', operatorId: 'op-1' }] })
      // the update returns once decided; the case row is written by the steps after it
      for (let i = 0; i < 200 && f.calls.filter((c) => c.name === 'recordKycCase').at(-1)?.args.decidedBy !== 'op-1'; i++) await new Promise((r) => setTimeout(r, 25))
      return decided
    })
    assert.equal(out?.status, 'approved')
    assert.ok(f.names().includes('escalateKycCase'))
    assert.equal(f.calls.filter((c) => c.name === 'recordKycCase').at(-1)?.args.decidedBy, 'op-1')
  })

  it('refuses an approval of a case that is not in review, and takes a decline', async () => {
    const f = identityFakes()
    const { out } = await run(f, async (h) => {
      await until(h, (s) => s.hostedUrl !== null)
      await assert.rejects(h.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'x', operatorId: 'op-1' }] }),
        (err: Error & { cause?: Error }) => /only a case in review/.test(err.cause?.message ?? ''))
      return h.executeUpdate(decideUpdate, { args: [{ decision: 'decline', reasonCode: 'SUSPECTED_FRAUD', reason: 'same face as a banned account', operatorId: 'op-1' }] })
    })
    assert.deepEqual([out?.status, out?.reasonCode], ['declined', 'SUSPECTED_FRAUD'])
    assert.ok(!f.names().includes('createPerformerRecord'))
  })

  it('declines when our rules decline the provider’s approval (an underage date of birth)', async () => {
    const f = identityFakes([outcome('declined', 'UNDERAGE')])
    const { out: final } = await run(f, async (h) => { await until(h, (s) => s.hostedUrl !== null); await event(h, 'e-1'); return h.result() })
    assert.ok(final)
    assert.deepEqual([final.status, final.reasonCode], ['declined', 'UNDERAGE'])
    assert.ok(!f.names().includes('createPerformerRecord') && !f.names().includes('grantVerifiedAccess'))
  })
})
