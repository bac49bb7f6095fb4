/** Fake identity activities, recording every call; assessments are served from a queue the test fills. */
import type { Assessment as Outcome } from '../../activities/identity/assess.ts'

export const approved = (documentValidUntil: string | null = '2031-06-30'): Outcome => ({ outcome: 'approved', reasonCode: null, reason: null, documentValidUntil })
export const outcome = (o: Outcome['outcome'], reasonCode: string): Outcome => ({ outcome: o, reasonCode, reason: `because ${reasonCode}`, documentValidUntil: null })

export function identityFakes(assessments: Outcome[] = []) {
  const calls: { name: string; args: Record<string, unknown> }[] = []
  let sessions = 0
  const rec = <T>(name: string, result: (args: Record<string, unknown>) => T) => async (args: Record<string, unknown>) => {
    calls.push({ name, args })
    return result(args)
  }
  const activities = {
    openKycRound: rec('openKycRound', () => { sessions += 1; return { sessionId: `s-${sessions}`, hostedUrl: `http://kyc.local/s-${sessions}` } }),
    recordKycCase: rec('recordKycCase', () => undefined),
    assessVerification: rec('assessVerification', (args) => {
      if (args.acceptReview) return approved()
      const next = assessments.shift()
      if (!next) throw new Error('the test queued no assessment for this event')
      return next
    }),
    createPerformerRecord: rec('createPerformerRecord', () => ({ recordId: 'r-1' })),
    grantVerifiedAccess: rec('grantVerifiedAccess', () => undefined),
    escalateKycCase: rec('escalateKycCase', () => undefined),
    sendPersonMail: rec('sendPersonMail', () => undefined),
    sendVerificationEmail: rec('sendVerificationEmail', () => ({ expiresAt: '2030-01-01T00:00:00.000Z' })),
    closeSignup: rec('closeSignup', () => undefined),
    activateFan: rec('activateFan', () => undefined),
  }
  const names = () => calls.map((c) => c.name)
  const mails = () => calls.filter((c) => c.name === 'sendPersonMail').map((c) => c.args.template)
  return { calls, activities, names, mails }
}
