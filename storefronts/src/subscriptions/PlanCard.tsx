import { formatPrice } from '../money'
import type { Plan } from './types'

type PlanCardProps = { plan: Plan; onSubscribe: (plan: Plan) => void }

/** One creator's plan: each tier's monthly price, the bundle discounts, and the Subscribe button. */
export function PlanCard({ plan, onSubscribe }: PlanCardProps) {
  const creator = plan.creator.handle ? `@${plan.creator.handle}` : plan.creator.displayName
  const bundles = plan.tiers[0]?.prices.filter((p) => p.months > 1) ?? []
  return (
    <article className="post-card" data-testid={`plan-${plan.id}`} data-plan-name={plan.name}>
      <h3 className="post-title">{plan.name}</h3>
      <p className="post-creator">{creator}</p>
      <ul className="plan-tiers">
        {plan.tiers.map((t) => (
          <li key={t.id} data-testid={`plan-tier-${t.id}`}>
            {t.name}: <span className="post-price">{formatPrice(t.monthlyPrice, plan.currency)}</span> a month
          </li>
        ))}
      </ul>
      {bundles.length > 0 && <p className="form-note">Save {bundles.map((b) => `${b.discountBps / 100} % on ${b.months} months`).join(', ')}.</p>}
      {plan.trialDays > 0 && <p className="form-note">{plan.trialDays} days free to start.</p>}
      <button type="button" className="btn btn-primary" onClick={() => onSubscribe(plan)} data-testid={`subscribe-${plan.id}`}>
        Subscribe
      </button>
    </article>
  )
}
