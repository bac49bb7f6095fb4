import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import type { WorkflowHandle } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import { approved, identityFakes, outcome } from '../test/support/identity-fakes.ts'
import { signupFan } from './signup-fan.ts'
import { emailVerifiedSignal, resendVerificationSignal, signupStateQuery, type SignupFanInput, type SignupState } from './signup-fan.contract.ts'
import { DEFAULT_KYC_TIMINGS, providerEventSignal, verificationStateQuery, verifyIdentityWorkflowId } from './verify-identity.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const DAY = 86_400_000

describe('signupFan workflow (time-skipping test server)', function () {
  this.timeout(240_000)
  let env: TestWorkflowEnvironment
  // a server per test, so one test's timers never move the clock of the next
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  async function run(f: ReturnType<typeof identityFakes>, assurance: SignupFanInput['assurance'],
    drive: (h: WorkflowHandle<typeof signupFan>, personId: string) => Promise<unknown>): Promise<SignupState> {
    const taskQueue = `signup-${randomUUID()}`
    const personId = randomUUID()
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    return worker.runUntil(async () => {
      const h = await env.client.workflow.start(signupFan, { workflowId: `signup:${personId}`, taskQueue, args: [{ personId, brandSlug: 'girlfanz',
        assurance, tokenTtlHours: 24, expiryDays: 7, maxResends: 2, kyc: DEFAULT_KYC_TIMINGS }] })
      await drive(h, personId)
      return h.result()
    })
  }
  const sent = (f: ReturnType<typeof identityFakes>) => f.calls.filter((c) => c.name === 'sendVerificationEmail').map((c) => String(c.args.idempotencyKey).split(':').pop())

  it('activates after the emailed link is used, with one mail per resend up to the limit', async () => {
    const f = identityFakes()
    const out = await run(f, 'self_declaration', async (h) => {
      for (let i = 0; i < 4; i++) {
        await h.signal(resendVerificationSignal)
        await h.query(signupStateQuery)
      }
      await h.signal(emailVerifiedSignal)
    })
    assert.deepEqual([out.status, out.resends], ['active', 2])
    assert.deepEqual(sent(f), ['0', '1', '2'], 'the first mail and two resends, each with its own key')
    assert.deepEqual(f.names().slice(-2), ['activateFan', 'sendPersonMail'])
  })

  it('expires an unverified signup after seven days and never activates it', async () => {
    const f = identityFakes()
    const out = await run(f, 'self_declaration', async () => env.sleep(8 * DAY))
    assert.equal(out.status, 'expired')
    assert.deepEqual(f.calls.find((c) => c.name === 'closeSignup')?.args.status, 'expired')
    assert.ok(!f.names().includes('activateFan'))
  })

  for (const [result, status] of [[approved(), 'active'], [outcome('declined', 'UNDERAGE'), 'declined']] as const) {
    it(`runs age verification as a child where the law requires verified age, then ends ${status}`, async () => {
      const f = identityFakes([result])
      const out = await run(f, 'verified_age', async (h, personId) => {
        await h.signal(emailVerifiedSignal)
        const child = env.client.workflow.getHandle(verifyIdentityWorkflowId('age', personId))
        for (let i = 0; i < 600; i++) {
          const s = await child.query(verificationStateQuery).catch(() => null)
          if (s?.hostedUrl) break
          await new Promise((r) => setTimeout(r, 100))
        }
        await child.signal(providerEventSignal, { eventId: 'e-1', sessionId: 's-1', status: 'approved' })
      })
      assert.equal(out.status, status)
      assert.equal(f.names().includes('activateFan'), status === 'active')
      assert.ok(!f.names().includes('createPerformerRecord'), 'a fan age check makes no 2257 record')
    })
  }
})
