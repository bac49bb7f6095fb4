import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api'
import { messageOf } from '../signup/signup-api'

/** Loads with the creator's token, again on reload(); a 401 ends the session. `load` must be stable (a module function). */
export function useLoad<T>(load: (token: string) => Promise<T>, token: string, onSessionExpired: () => void) {
  const [state, setState] = useState<{ data?: T; error?: string; loaded: boolean }>({ loaded: false })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let active = true
    load(token).then(
      (data) => { if (active) setState({ data, loaded: true }) },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) onSessionExpired()
        if (active) setState((s) => ({ ...s, error: messageOf(error), loaded: true }))
      },
    )
    return () => {
      active = false
    }
  }, [load, token, onSessionExpired, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { ...state, reload }
}
