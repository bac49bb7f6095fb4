import type { Brand } from '../../../domain/brands'
import type { OnboardingCase, OnboardingStatus } from './onboarding-api'
import { isFinal } from './onboarding-api'
import type { StepKey } from './Stepper'
import { Stepper } from './Stepper'

const STEP_OF: Record<OnboardingStatus, StepKey> = {
  awaiting_applicant: 'identity', resubmission_requested: 'identity', review: 'review',
  approved: 'approved', declined: 'review', expired: 'identity',
}

function statusText(c: OnboardingCase, brand: Brand): string {
  const reason = c.reason ? ` Reason: ${c.reason}` : ''
  switch (c.status) {
    case 'awaiting_applicant':
      return c.hostedUrl
        ? 'Next: verify your identity with our verification partner. Have your passport or ID card ready; it takes a few minutes.'
        : 'Preparing your identity check…'
    case 'resubmission_requested':
      return `We need new photos of your ID document or of you.${reason}`
    case 'review':
      return 'Thank you! Our compliance team is reviewing your identity check. This page updates by itself.'
    case 'approved':
      return `You are verified. Welcome to ${brand.name} as a creator!`
    case 'declined':
      return `We could not verify your identity, so we cannot open a creator account for you.${reason}`
    case 'expired':
      return 'Your identity check expired before it was finished. You can start again.'
  }
}

type OnboardingProgressProps = { brand: Brand; kase: OnboardingCase; onRestart: () => void }

/** Steps 3 to 5: the identity check at the provider, the review, the outcome; kept current by the page's polling. */
export function OnboardingProgress({ brand, kase, onRestart }: OnboardingProgressProps) {
  const waiting = kase.status === 'awaiting_applicant' || kase.status === 'resubmission_requested'
  return (
    <>
      <Stepper current={STEP_OF[kase.status]} failed={kase.status === 'declined' || kase.status === 'expired'} />
      <p className="status-line" role="status" data-testid="onboarding-status" data-status={kase.status}
        data-tone={kase.status === 'approved' ? 'done' : undefined}>
        {statusText(kase, brand)}
      </p>
      {waiting && kase.hostedUrl && (
        // same tab: the provider sends the creator back to this page when done
        <a className="btn btn-primary" href={kase.hostedUrl} data-testid="onboarding-continue">Continue to identity check</a>
      )}
      {(kase.status === 'expired' || kase.status === 'declined') && (
        <button type="button" className="btn btn-ghost" onClick={onRestart} data-testid="onboarding-restart">
          {kase.status === 'expired' ? 'Start again' : 'Try again with new documents'}
        </button>
      )}
      {!isFinal(kase.status) && kase.resubmissions > 0 && (
        <p className="form-note" data-testid="onboarding-resubmissions">Attempts so far: {kase.resubmissions + 1}.</p>
      )}
    </>
  )
}
