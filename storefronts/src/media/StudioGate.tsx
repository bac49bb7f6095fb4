import type { ReactNode } from 'react'
import type { Brand } from '../../../domain/brands'
import { PAGES, pageHref } from '../signup/paths'
import { useCreatorAccess } from './use-creator-access'

type StudioGateProps = { brand: Brand; token: string | null; onSignIn: () => void; onSessionExpired: () => void; children: ReactNode }

/** The creator studio is for the brand's creators: others are asked to sign in or told how to become one. */
export function StudioGate({ brand, token, onSignIn, onSessionExpired, children }: StudioGateProps) {
  const access = useCreatorAccess(brand.slug, token, onSessionExpired)
  switch (access) {
    case 'signed-out':
      return (
        <>
          <p>Sign in with your creator account to use the studio.</p>
          <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="studio-signin">Sign in</button>
        </>
      )
    case 'checking':
      return <p role="status">Loading…</p>
    case 'not-creator':
      return (
        <div className="status-line" data-testid="studio-not-creator">
          <p>Only verified creators on {brand.name} can upload videos.</p>
          <a href={pageHref(brand.slug, PAGES.onboarding)} data-testid="studio-become-creator">Become a creator</a>
        </div>
      )
    default:
      return <>{children}</>
  }
}
