import { useCallback, useEffect } from 'react'
import { usePoll } from '../signup/use-poll'
import { isSessionEnded } from './ApiErrorNote'
import { privacyApi } from './privacy-api'
import type { PrivacyRequest } from './types'
import { isOpen } from './types'

// a verified request moves through the systems in seconds to minutes: often enough to see its steps tick by
const POLL_MS = 3_000
const anyOpen = (items: PrivacyRequest[]) => items.some((r) => isOpen(r.status))

/**
 * The fan's privacy requests, newest first, polled while any is open; polling stops once none is, or on unmount.
 * `reload()` loads at once and polls again (after the fan started or verified a request). A 401 ends the session.
 */
export function usePrivacyRequests(token: string, onSessionExpired: () => void) {
  const load = useCallback(() => privacyApi.list(token), [token])
  const { value, loaded, error, reload } = usePoll(load, POLL_MS, anyOpen)
  useEffect(() => {
    if (isSessionEnded(error)) onSessionExpired()
  }, [error, onSessionExpired])
  return { items: value, loaded, error, reload }
}
