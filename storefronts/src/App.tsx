import { useState } from 'react'
import type { Brand } from '../../domain/brands'
import { hasPassedAgeGate, rememberAgeGate } from './age-gate-store'
import { AgeGate } from './components/AgeGate'
import { Footer } from './components/Footer'
import { Hero } from './components/Hero'
import { PortalGrid } from './components/PortalGrid'

/** One brand's landing page: the 18+ gate first, then the themed hero and footer. */
export function App({ brand }: { brand: Brand }) {
  const [entered, setEntered] = useState(() => hasPassedAgeGate(window.localStorage, brand.slug))

  if (!entered) {
    return (
      <AgeGate
        brand={brand}
        onEnter={() => {
          rememberAgeGate(window.localStorage, brand.slug)
          setEntered(true)
        }}
      />
    )
  }
  return (
    <div className={`page layout-${brand.policy.layout}`}>
      <Hero brand={brand} />
      {brand.policy.layout === 'portal' && <PortalGrid current={brand.slug} />}
      <Footer current={brand.slug} />
    </div>
  )
}
