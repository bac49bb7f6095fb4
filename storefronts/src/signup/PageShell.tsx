import type { ReactNode } from 'react'
import type { Brand } from '../../../domain/brands'
import { Footer } from '../components/Footer'
import { PAGES, pageHref } from './paths'
import './identity.css'

type PageShellProps = { brand: Brand; title: string; testId: string; children: ReactNode }

/** A brand page around one task (sign up, confirm email, onboarding): the brand's name home, one card, the footer. */
export function PageShell({ brand, title, testId, children }: PageShellProps) {
  const titleId = `${testId}-title`
  return (
    <div className="page">
      <header className="subpage-header">
        <a className="subpage-brand" href={pageHref(brand.slug, PAGES.home)} data-testid="brand-name">{brand.name}</a>
      </header>
      <main className="subpage-card" aria-labelledby={titleId} data-testid={testId}>
        <h1 id={titleId}>{title}</h1>
        {children}
      </main>
      <Footer current={brand.slug} />
    </div>
  )
}
