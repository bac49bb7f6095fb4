import type { ReactNode } from 'react'
import type { Brand } from '../../../domain/brands'
import { Footer } from '../components/Footer'
import { PAGES, pageHref } from '../signup/paths'
import { HeaderSearch } from './HeaderSearch'
import '../signup/identity.css'
import './media.css'

type MediaShellProps = { brand: Brand; title: string; testId: string; search?: boolean; actions?: ReactNode; children: ReactNode }

/** A wide brand page for videos and the creator studio: the brand's name home, the header search, the page, the footer. */
export function MediaShell({ brand, title, testId, search = true, actions, children }: MediaShellProps) {
  const titleId = `${testId}-title`
  return (
    <div className="page">
      <header className="subpage-header media-header">
        <a className="subpage-brand" href={pageHref(brand.slug, PAGES.home)} data-testid="brand-name">{brand.name}</a>
        {search && <HeaderSearch slug={brand.slug} />}
      </header>
      <main className="media-main" aria-labelledby={titleId} data-testid={testId}>
        <div className="media-title-row">
          <h1 id={titleId}>{title}</h1>
          {actions}
        </div>
        {children}
      </main>
      <Footer current={brand.slug} />
    </div>
  )
}
