import { condition, executeChild, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow'
import type * as identity from '../activities/identity/index.ts'
import { emailVerifiedSignal, resendVerificationSignal, signupStateQuery, type SignupFanInput, type SignupState } from './signup-fan.contract.ts'
import { verifyIdentity } from './verify-identity.ts'
import { verifyIdentityWorkflowId } from './verify-identity.contract.ts'

const { sendVerificationEmail, closeSignup, activateFan, sendPersonMail } = proxyActivities<ReturnType<typeof identity.createIdentityActivities>>({
  startToCloseTimeout: '1 minute', retry: { initialInterval: '2s', maximumInterval: '1 minute', maximumAttempts: 20 } })

/** Takes a fan from signup to an active account: verification mail (resend, expiry), verified age where required, activation. */
export async function signupFan(input: SignupFanInput): Promise<SignupState> {
  const { workflowId } = workflowInfo()
  const { personId, brandSlug } = input
  const state: SignupState = { status: 'awaiting_email', resends: 0, emailVerified: false, ageCaseId: null }
  let resendWanted = false
  setHandler(signupStateQuery, () => state)
  setHandler(emailVerifiedSignal, () => { state.emailVerified = true })
  setHandler(resendVerificationSignal, () => { resendWanted = true })

  const send = (attempt: number) => sendVerificationEmail({ idempotencyKey: `${workflowId}:verify:${attempt}`, personId, brandSlug,
    ttlHours: input.tokenTtlHours })
  await send(0)
  const deadline = new Date().getTime() + input.expiryDays * 86_400_000
  while (!state.emailVerified) {
    const woke = await condition(() => state.emailVerified || resendWanted, Math.max(deadline - new Date().getTime(), 1))
    if (!woke) {
      state.status = 'expired'
      await closeSignup({ personId, status: 'expired' })
      return state
    }
    if (resendWanted && !state.emailVerified && state.resends < input.maxResends) {
      state.resends += 1
      await send(state.resends)
    }
    resendWanted = false
  }

  if (input.assurance === 'verified_age') {
    state.status = 'age_verification'
    state.ageCaseId = uuid4()
    // the child runs on the parent's task queue (core)
    const result = await executeChild(verifyIdentity, { workflowId: verifyIdentityWorkflowId('age', personId),
      args: [{ personId, brandSlug, purpose: 'age', timings: input.kyc, round: 1, caseId: state.ageCaseId }] })
    if (result.status !== 'approved') {
      state.status = 'declined'
      await closeSignup({ personId, status: 'declined' })
      return state
    }
  }
  await activateFan({ personId, brandSlug })
  state.status = 'active'
  await sendPersonMail({ idempotencyKey: `${workflowId}:activated`, personId, brandSlug, template: 'signupActivated', data: {} })
  return state
}
