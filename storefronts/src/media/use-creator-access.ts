import { useEffect, useState } from 'react'
import { ApiError, apiFetch } from '../api'

export type CreatorAccess = 'signed-out' | 'checking' | 'creator' | 'not-creator' | 'unknown'
type Me = { person?: { roles?: { role: string; brandSlug: string | null }[] } }

/** Whether the signed-in person is a creator on this brand (a grant for the brand or for every brand). */
export function useCreatorAccess(brandSlug: string, token: string | null, onSessionExpired: () => void): CreatorAccess {
  const [answer, setAnswer] = useState<{ token: string; access: CreatorAccess } | null>(null)

  useEffect(() => {
    if (!token) return
    let active = true
    apiFetch<Me>('/api/auth/me', { token }).then(
      (me) => {
        const creator = (me.person?.roles ?? []).some((g) => g.role === 'creator' && (g.brandSlug === null || g.brandSlug === brandSlug))
        if (active) setAnswer({ token, access: creator ? 'creator' : 'not-creator' })
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return onSessionExpired()
        // the roles could not be read: let the studio API decide (it answers 403 NOT_A_CREATOR)
        if (active) setAnswer({ token, access: 'unknown' })
      },
    )
    return () => {
      active = false
    }
  }, [brandSlug, token, onSessionExpired])

  if (!token) return 'signed-out'
  return answer?.token === token ? answer.access : 'checking'
}
