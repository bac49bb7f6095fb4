import { useCallback, useEffect, useState } from 'react'
import { ApiError, apiFetch } from './api'
import type { FanSession } from './fan-session'
import { clearFanSession, loadFanSession, saveFanSession } from './fan-session'

/** The fan's session: restored from storage and checked once with the API, saved on sign-in, cleared on sign-out. */
export function useFanSession() {
  const [session, setSession] = useState<FanSession | null>(() => loadFanSession(window.localStorage))

  const signIn = useCallback((next: FanSession) => {
    saveFanSession(window.localStorage, next)
    setSession(next)
  }, [])

  const forget = useCallback(() => {
    clearFanSession(window.localStorage)
    setSession(null)
  }, [])

  const signOut = useCallback(() => {
    // the server-side session may already be gone; signing out here is what matters
    if (session) void apiFetch('/api/auth/logout', { method: 'POST', token: session.token }).catch(() => undefined)
    forget()
  }, [session, forget])

  const storedToken = session?.token
  useEffect(() => {
    if (!storedToken) return
    // a stored token may have expired since; only a 401 ends it (an unreachable API should not sign the fan out)
    apiFetch('/api/auth/me', { token: storedToken }).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) forget()
    })
  }, [storedToken, forget])

  return { session, signIn, signOut, forget }
}
