import { useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { PageShell } from './PageShell'
import type { SignupStarted } from './signup-api'
import { SignupForm } from './SignupForm'
import { SignupSent } from './SignupSent'

/** /<brand>/signup: the signup form, then "check your inbox" with the signup's live status. */
export function SignupPage({ brand, onSignIn }: { brand: Brand; onSignIn: () => void }) {
  const [started, setStarted] = useState<(SignupStarted & { email: string }) | null>(null)
  return (
    <PageShell brand={brand} title={started ? 'Check your inbox' : `Join ${brand.name}`} testId="signup-page">
      {started ? (
        <SignupSent personId={started.personId} email={started.email} assurance={started.assurance} onSignIn={onSignIn} />
      ) : (
        <SignupForm brand={brand} onStarted={(s, email) => setStarted({ ...s, email })} onSignIn={onSignIn} />
      )}
    </PageShell>
  )
}
