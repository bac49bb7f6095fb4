import { useEffect, useState } from 'react'
import { ApiError } from '../api'

// a refusal (4xx) will not change by asking again; a network failure or a 5xx may
const transient = (error: unknown) => !(error instanceof ApiError) || error.status === 0 || error.status >= 500

/**
 * Loads now, then again every `intervalMs` while `keepGoing(value)` holds; transient failures are retried more slowly.
 * `load` and `keepGoing` must be stable (module functions or useCallback). `reload()` starts over.
 */
export function usePoll<T>(load: (() => Promise<T>) | null, intervalMs: number, keepGoing: (value: T) => boolean) {
  const [value, setValue] = useState<{ current: T } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    if (!load) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      try {
        const next = await load()
        if (cancelled) return
        setValue({ current: next })
        setError(null)
        if (keepGoing(next)) timer = setTimeout(() => void tick(), intervalMs)
      } catch (caught) {
        if (cancelled) return
        setError(caught)
        if (transient(caught)) timer = setTimeout(() => void tick(), intervalMs * 3)
      }
    }
    void tick()
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [load, intervalMs, keepGoing, round])

  return { value: value?.current, loaded: value !== null, error, reload: () => setRound((r) => r + 1) }
}
