/** Liveness and readiness: /readyz names each dependency that is down; ?deep=1 also runs checkPlatform. */
import { Router } from 'express'
import { z } from 'zod'
import { checkDependencies, type ReadinessDeps } from '../readiness.ts'
import { startPlatformCheck } from './platform-checks.ts'

const readyQuery = z.object({ deep: z.enum(['0', '1', 'true', 'false']).optional() })

export function createHealthRouter(deps: ReadinessDeps): Router {
  const router = Router()

  /** The process is alive and serving HTTP. */
  router.get('/healthz', (_req, res) => { res.json({ status: 'ok' }) })

  /** Every dependency answers; deep runs the platform check workflow end to end through the workers. */
  router.get('/readyz', async (req, res) => {
    const deep = ['1', 'true'].includes(readyQuery.parse(req.query).deep ?? '0')
    const dependencies = await checkDependencies(deps)
    const down = dependencies.filter((d) => !d.ok).map((d) => d.name)
    let platformCheck: unknown
    if (deep && down.length === 0) {
      const { id, workflowId, handle } = await startPlatformCheck(deps.temporal, req.person?.id ?? null)
      const result = await Promise.race([handle.result(), new Promise<null>((r) => setTimeout(() => r(null), 60_000).unref())])
      platformCheck = { id, workflowId, ...(result ?? { ok: false, checks: [], error: 'no result within 60 s' }) }
      for (const c of result?.checks ?? []) if (!c.ok) down.push(c.name)
      if (!result) down.push('platform-check')
    }
    res.status(down.length ? 503 : 200).json({ status: down.length ? 'unavailable' : 'ready', down, dependencies, platformCheck })
  })
  return router
}
