import { useCallback } from 'react'
import { useNavigate } from 'react-router-dom'
import type { Identifier } from 'react-admin'
import { useCreatePath, useDataProvider, useNotify, useStore } from 'react-admin'
import { errorMessage } from '../http-client'
import { DECIDED_STORE_KEY, DEFAULT_TAB, QUEUE_STORE_KEY } from './queue'
import { RESOURCE } from './types'

// enough to cover the read model's lag after a burst of decisions, small enough for localStorage
const DECIDED_KEPT = 50

/**
 * J / K and "next after a decision": the neighbour in the list the moderator came from; past its end, the first item
 * in review by due time that was not just decided here (the read model may still list those for a moment).
 */
export function useQueueNavigation(currentId: string) {
  const [queue] = useStore<Identifier[]>(QUEUE_STORE_KEY, [])
  const [decided, setDecided] = useStore<string[]>(DECIDED_STORE_KEY, [])
  const dataProvider = useDataProvider()
  const navigate = useNavigate()
  const createPath = useCreatePath()
  const notify = useNotify()

  const find = useCallback(async (direction: 1 | -1, skip: ReadonlySet<string>): Promise<string | null> => {
    const ids = queue.map(String)
    const at = ids.indexOf(currentId)
    for (let i = at + direction; at >= 0 && i >= 0 && i < ids.length; i += direction) {
      const id = ids[i] as string
      if (!skip.has(id)) return id
    }
    if (direction < 0) return null
    const { data } = await dataProvider.getList(RESOURCE, {
      filter: DEFAULT_TAB.filter, sort: DEFAULT_TAB.sort, pagination: { page: 1, perPage: 25 },
    })
    return data.map((item) => String(item.id)).find((id) => id !== currentId && !skip.has(id)) ?? null
  }, [queue, currentId, dataProvider])

  /** Moves to the next (1) or previous (-1) item; `afterDecision` also skips what was decided here lately. */
  const go = useCallback(async (direction: 1 | -1, afterDecision = false) => {
    let skip: ReadonlySet<string> = new Set()
    if (afterDecision) {
      const recent = [...decided.filter((id) => id !== currentId), currentId].slice(-DECIDED_KEPT)
      setDecided(recent)
      skip = new Set(recent)
    }
    try {
      const next = await find(direction, skip)
      if (next) void navigate(createPath({ resource: RESOURCE, type: 'show', id: next }))
      else if (afterDecision) {
        notify('Nothing else waits in the queue', { type: 'info' })
        void navigate(createPath({ resource: RESOURCE, type: 'list' }))
      } else notify(direction > 0 ? 'This is the last item in the queue' : 'This is the first item in the queue', { type: 'info' })
    } catch (error) {
      notify(errorMessage(error), { type: 'error' })
    }
  }, [find, decided, setDecided, currentId, navigate, createPath, notify])

  return { go }
}
