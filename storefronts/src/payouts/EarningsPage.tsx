import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { mediaHref } from '../media/media-paths'
import { MediaShell } from '../media/MediaShell'
import { StudioGate } from '../media/StudioGate'
import { BalancesSection } from './BalancesSection'
import { MinimumPreference } from './MinimumPreference'
import { PayoutHistory } from './PayoutHistory'
import { PayoutMethods } from './PayoutMethods'
import type { Balance, MyPayout } from './payouts-api'
import { payoutsApi } from './payouts-api'
import { StatementSection } from './StatementSection'
import { TaxFormSection } from './TaxFormSection'
import { useLoad } from './use-load'
import './payouts.css'

type EarningsPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/studio/earnings: the creator's balances, payouts, statement, payout methods, tax form and minimum. */
export function EarningsPage({ brand, session, onSignIn, onSessionExpired }: EarningsPageProps) {
  const videos = <a className="btn btn-ghost" href={mediaHref(brand.slug, { page: 'studio-list' })} data-testid="earnings-studio-link">Your videos</a>
  return (
    <MediaShell brand={brand} title="Earnings" testId="earnings-page" actions={session ? videos : undefined}>
      <StudioGate brand={brand} token={session?.token ?? null} onSignIn={onSignIn} onSessionExpired={onSessionExpired}>
        {session && <Earnings brand={brand} token={session.token} onSessionExpired={onSessionExpired} />}
      </StudioGate>
    </MediaShell>
  )
}

function Earnings({ brand, token, onSessionExpired }: { brand: Brand; token: string; onSessionExpired: () => void }) {
  const balances = useLoad<Balance[]>(payoutsApi.balances, token, onSessionExpired)
  const payouts = useLoad<MyPayout[]>(payoutsApi.payouts, token, onSessionExpired)
  const here = balances.data?.find((b) => b.brand === brand.slug) ?? balances.data?.[0]
  const currencies = [...new Set([here?.currency, ...(balances.data ?? []).map((b) => b.currency)].filter((c): c is string => !!c))]
  return (
    <div className="earnings" data-testid="earnings">
      <BalancesSection balances={balances.data} error={balances.error} brand={brand.slug} />
      <PayoutHistory payouts={payouts.data} error={payouts.error} />
      {balances.loaded && <StatementSection key={currencies.join()} currencies={currencies.length ? currencies : ['USD']} token={token} onSessionExpired={onSessionExpired} />}
      <div className="earnings-columns">
        <PayoutMethods token={token} onSessionExpired={onSessionExpired} />
        <div className="earnings-stack">
          <TaxFormSection token={token} onSessionExpired={onSessionExpired} onSigned={payouts.reload} />
          {balances.loaded && <MinimumPreference currency={here?.currency ?? 'USD'} token={token} onSessionExpired={onSessionExpired} onSaved={balances.reload} />}
        </div>
      </div>
    </div>
  )
}
