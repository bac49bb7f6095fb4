import { useEffect, useState } from 'react'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { CheckoutPanel } from './CheckoutPanel'
import { PostCard } from './PostCard'
import { hasAccess, listPosts } from './purchase-api'
import type { Post } from './types'

type PostsSectionProps = { brandSlug: string; session: FanSession | null; onSignInNeeded: () => void; onSessionExpired: () => void }

/** The brand's pay-per-view posts; unlocking one asks for sign-in first, then opens checkout. */
export function PostsSection({ brandSlug, session, onSignInNeeded, onSessionExpired }: PostsSectionProps) {
  const [posts, setPosts] = useState<Post[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [unlocked, setUnlocked] = useState<ReadonlySet<string>>(new Set())
  const [wanted, setWanted] = useState<Post | null>(null)
  const token = session?.token ?? null

  useEffect(() => {
    listPosts(brandSlug).then(setPosts, (error: unknown) =>
      setLoadError(error instanceof Error ? error.message : 'Posts could not be loaded.'))
  }, [brandSlug])

  useEffect(() => {
    if (!token || !posts) return setUnlocked(new Set())
    let active = true
    Promise.all(posts.map(async (post) => ((await hasAccess(post.id, token)) ? post.id : null))).then(
      (ids) => active && setUnlocked(new Set(ids.filter((id): id is string => id !== null))),
      (error: unknown) => error instanceof ApiError && error.status === 401 && onSessionExpired(),
    )
    return () => {
      active = false
    }
  }, [token, posts, onSessionExpired])

  const unlock = (post: Post) => {
    setWanted(post)
    if (!token) onSignInNeeded()
  }

  return (
    <section className="posts" aria-labelledby="posts-title" data-testid="posts">
      <h2 id="posts-title">Posts</h2>
      {loadError && <p className="form-error" role="alert">{loadError}</p>}
      {posts?.length === 0 && <p className="posts-empty">No posts here yet.</p>}
      <div className="posts-grid">
        {posts?.map((post) => <PostCard key={post.id} post={post} unlocked={unlocked.has(post.id)} onUnlock={unlock} />)}
      </div>
      {wanted && token && (
        <CheckoutPanel
          post={wanted}
          token={token}
          onUnlocked={(id) => setUnlocked((current) => new Set([...current, id]))}
          onSessionExpired={onSessionExpired}
          onClose={() => setWanted(null)}
        />
      )}
    </section>
  )
}
