import { useEffect, useState } from 'react'
import { useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage, httpClient } from '../http-client'
import type { RevenueSeries, SeriesQuery } from './types'
import { rangeOf } from './types'

/** Loads the revenue series for the query; reloads when it changes. */
export function useRevenueSeries(query: SeriesQuery): { data: RevenueSeries | null; loading: boolean } {
  const [data, setData] = useState<RevenueSeries | null>(null)
  const [loading, setLoading] = useState(true)
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const { from, to, bucket, currency, brand } = query

  useEffect(() => {
    let active = true
    const params = new URLSearchParams({ ...rangeOf({ from, to }), bucket, currency, ...(brand ? { brand } : {}) })
    setLoading(true)
    httpClient(`/api/reports/revenue-series?${params}`).then(
      ({ json }) => {
        if (active) setData(json as RevenueSeries)
      },
      async (error: unknown) => {
        if (active && !(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
      },
    ).finally(() => active && setLoading(false))
    return () => {
      active = false
    }
  }, [from, to, bucket, currency, brand, logoutIfAccessDenied, notify])

  return { data, loading }
}
