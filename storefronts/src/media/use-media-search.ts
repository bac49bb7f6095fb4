import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../signup/signup-api'
import { searchMedia } from './media-api'
import type { SearchHit } from './media-types'

const DEBOUNCE_MS = 300

type SearchState = { query: string; hits: SearchHit[]; total: number; loading: boolean; error: string | null; loaded: boolean }

/** Search as the fan types: waits for a pause in typing, drops answers to older queries, pages on with loadMore. */
export function useMediaSearch(brand: string, text: string, token: string | null) {
  const [state, setState] = useState<SearchState>({ query: text.trim(), hits: [], total: 0, loading: true, error: null, loaded: false })
  const latest = useRef(0)
  const query = text.trim()

  const fetchPage = useCallback(async (q: string, from: number) => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true, error: null }))
    try {
      const result = await searchMedia(brand, q, from, token)
      if (ticket !== latest.current) return
      setState((s) => ({ query: q, hits: from === 0 ? result.hits : [...s.hits, ...result.hits], total: result.total, loading: false, error: null, loaded: true }))
    } catch (error) {
      if (ticket !== latest.current) return
      setState((s) => ({ ...s, loading: false, error: messageOf(error) }))
    }
  }, [brand, token])

  useEffect(() => {
    const timer = setTimeout(() => void fetchPage(query, 0), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query, fetchPage])

  const loadMore = useCallback(() => void fetchPage(state.query, state.hits.length), [fetchPage, state.query, state.hits.length])
  return { ...state, hasMore: state.hits.length < state.total, loadMore }
}
