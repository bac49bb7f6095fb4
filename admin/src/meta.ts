import { useEffect, useState } from 'react'

/** GET /api/meta: where the Temporal Web UI is and which namespace this deployment uses. */
export type ApiMeta = { temporalUiUrl: string; namespace: string; apiVersion: string }

let pending: Promise<ApiMeta> | null = null

// fetched once per page load and shared by every link; a failure is retried on the next use
function loadMeta(): Promise<ApiMeta> {
  pending ??= fetch('/api/meta', { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`GET /api/meta answered ${response.status}`)
      return response.json() as Promise<ApiMeta>
    })
    .catch((error: unknown) => {
      pending = null
      throw error
    })
  return pending
}

/** The API meta, or undefined while loading or if the API could not be reached. */
export function useApiMeta(): ApiMeta | undefined {
  const [meta, setMeta] = useState<ApiMeta>()
  useEffect(() => {
    let active = true
    loadMeta().then(
      (loaded) => active && setMeta(loaded),
      () => undefined,
    )
    return () => {
      active = false
    }
  }, [])
  return meta
}
