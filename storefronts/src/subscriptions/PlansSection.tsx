import { useEffect, useState } from 'react'
import type { BrandSlug } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { PAGES, pageHref } from '../signup/paths'
import { PlanCard } from './PlanCard'
import { SubscribePanel } from './SubscribePanel'
import { listPlans } from './subscription-api'
import type { Plan } from './types'
import './subscriptions.css'

type PlansSectionProps = { brandSlug: BrandSlug; session: FanSession | null; onSignInNeeded: () => void; onSessionExpired: () => void }

/** The brand's creators and their subscription plans; subscribing asks for sign-in first, then opens the subscribe panel. */
export function PlansSection({ brandSlug, session, onSignInNeeded, onSessionExpired }: PlansSectionProps) {
  const [plans, setPlans] = useState<Plan[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [wanted, setWanted] = useState<Plan | null>(null)
  const token = session?.token ?? null

  useEffect(() => {
    listPlans(brandSlug).then(setPlans, (error: unknown) =>
      setLoadError(error instanceof Error ? error.message : 'Plans could not be loaded.'))
  }, [brandSlug])

  const choose = (plan: Plan) => {
    setWanted(plan)
    if (!token) onSignInNeeded()
  }

  return (
    <section className="posts" aria-labelledby="plans-title" data-testid="plans">
      <h2 id="plans-title">Subscribe to a creator</h2>
      {token && <p><a href={pageHref(brandSlug, PAGES.subscriptions)} data-testid="nav-subscriptions">Your subscriptions</a></p>}
      {loadError && <p className="form-error" role="alert">{loadError}</p>}
      {plans?.length === 0 && <p className="posts-empty">No creator here takes subscribers yet.</p>}
      <div className="posts-grid">
        {plans?.map((plan) => <PlanCard key={plan.id} plan={plan} onSubscribe={choose} />)}
      </div>
      {wanted && token && (
        <SubscribePanel plan={wanted} token={token} subscriptionsHref={pageHref(brandSlug, PAGES.subscriptions)}
          onSessionExpired={onSessionExpired} onClose={() => setWanted(null)} />
      )}
    </section>
  )
}
