import { useEffect, useState } from 'react'
import type { BrandSlug } from '../../../domain/brands'
import { CheckoutPanel } from '../checkout/CheckoutPanel'
import type { Post } from '../checkout/types'
import { formatPrice } from '../money'
import { PAGES, pageHref } from '../signup/paths'
import { SubscribePanel } from '../subscriptions/SubscribePanel'
import { listPlans } from '../subscriptions/subscription-api'
import type { Plan } from '../subscriptions/types'
import type { MediaView, Offer } from './media-types'

type LockedOfferProps = {
  slug: BrandSlug; item: MediaView; offer: Offer | null; message: string; token: string
  onUnlocked: () => void; onSessionExpired: () => void
}

/** A locked video: the blurred poster and the one offer that unlocks it (the PPV checkout, or the creator's plan). */
export function LockedOffer({ slug, item, offer, message, token, onUnlocked, onSessionExpired }: LockedOfferProps) {
  const [open, setOpen] = useState(false)
  const [plan, setPlan] = useState<Plan | null>(null)
  const creatorId = offer?.kind === 'subscribe' ? offer.creatorId : null

  useEffect(() => {
    if (!creatorId) return
    // no plan found: the link to the brand's plans below still works
    listPlans(slug).then((plans) => setPlan(plans.find((p) => p.creatorId === creatorId) ?? null), () => setPlan(null))
  }, [slug, creatorId])

  const close = () => {
    setOpen(false)
    // a purchase or subscription may have completed meanwhile (the receipt stays until closed): ask again whether the fan may watch
    onUnlocked()
  }

  let action = null
  if (offer?.kind === 'ppv') {
    const price = formatPrice(offer.priceMinor, offer.currency)
    const post: Post = { id: offer.postId, title: item.title, priceMinor: offer.priceMinor, currency: offer.currency, brandSlug: slug,
      creator: { displayName: item.creatorName, handle: null } }
    action = (
      <>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)} data-testid="media-unlock">Unlock for {price}</button>
        {open && <CheckoutPanel post={post} token={token} onUnlocked={() => undefined} onSessionExpired={onSessionExpired} onClose={close} />}
      </>
    )
  } else if (offer?.kind === 'subscribe') {
    action = plan ? (
      <>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)} data-testid="media-subscribe">Subscribe to watch</button>
        {open && <SubscribePanel plan={plan} token={token} subscriptionsHref={pageHref(slug, PAGES.subscriptions)}
          onSessionExpired={onSessionExpired} onClose={close} />}
      </>
    ) : (
      <a className="btn btn-primary" href={`${pageHref(slug, PAGES.home)}#plans-title`} data-testid="media-subscribe">Subscribe to watch</a>
    )
  }
  return (
    <div className="media-locked" data-testid="media-locked" data-offer={offer?.kind ?? 'none'}>
      {item.thumbnailUrl && <img className="media-locked-poster" src={item.thumbnailUrl} alt="" />}
      <div className="media-locked-body">
        <p className="media-locked-message">{offer?.kind === 'subscribe' ? `Subscribe to ${item.creatorName} to watch this video.` : message}</p>
        {action}
      </div>
    </div>
  )
}
