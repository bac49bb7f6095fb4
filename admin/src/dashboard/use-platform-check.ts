import { useCallback, useEffect, useState } from 'react'
import { useDataProvider, useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage, httpClient } from '../http-client'
import type { PlatformCheck, StartedCheck } from '../platform-checks/types'
import { CHECK_STATUS } from '../platform-checks/types'

const POLL_MS = 500

/** The latest platform check, a way to start a new one, and polling until it finishes. */
export function usePlatformCheck() {
  const dataProvider = useDataProvider()
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const [check, setCheck] = useState<PlatformCheck | null>(null)
  const [pollId, setPollId] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  const report = useCallback(
    async (error: unknown) => {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    },
    [logoutIfAccessDenied, notify],
  )

  useEffect(() => {
    dataProvider
      .getList<PlatformCheck>('platform-checks', {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'startedAt', order: 'DESC' },
        filter: {},
      })
      .then(({ data: [latest] }) => {
        if (!latest) return
        setCheck((current) => current ?? latest)
        if (latest.status === CHECK_STATUS.running) setPollId((current) => current ?? latest.id)
      }, report)
  }, [dataProvider, report])

  useEffect(() => {
    if (!pollId) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const { data } = await dataProvider.getOne<PlatformCheck>('platform-checks', { id: pollId })
        if (cancelled) return
        setCheck(data)
        if (data.status !== CHECK_STATUS.running) return setPollId(null)
        timer = setTimeout(poll, POLL_MS)
      } catch (error) {
        if (cancelled) return
        setPollId(null)
        await report(error)
      }
    }
    void poll()
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [dataProvider, pollId, report])

  const run = useCallback(async () => {
    setStarting(true)
    try {
      const { json } = await httpClient('/api/platform-checks', { method: 'POST' })
      const started = json as StartedCheck
      setCheck({ ...started, status: CHECK_STATUS.running, ok: null, requestedBy: null,
        startedAt: new Date().toISOString(), finishedAt: null, checks: [] })
      setPollId(started.id)
    } catch (error) {
      await report(error)
    } finally {
      setStarting(false)
    }
  }, [report])

  return { check, run, busy: starting || pollId !== null }
}
