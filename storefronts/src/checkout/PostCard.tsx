import { formatPrice } from '../money'
import type { Post } from './types'

type PostCardProps = { post: Post; unlocked: boolean; onUnlock: (post: Post) => void }

/** One pay-per-view post: title, creator, price, and either the unlock button or the unlocked badge. */
export function PostCard({ post, unlocked, onUnlock }: PostCardProps) {
  const creator = post.creator.handle ? `@${post.creator.handle}` : post.creator.displayName
  const price = formatPrice(post.priceMinor, post.currency)
  return (
    <article className="post-card" data-testid={`post-${post.id}`} data-price-minor={post.priceMinor}>
      <h3 className="post-title">{post.title}</h3>
      <p className="post-creator">{creator}</p>
      <p className="post-price">{price}</p>
      {unlocked ? (
        <p className="post-unlocked" data-testid={`unlocked-${post.id}`}>Unlocked</p>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => onUnlock(post)} data-testid={`unlock-${post.id}`}>
          Unlock for {price}
        </button>
      )}
    </article>
  )
}
