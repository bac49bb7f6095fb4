/** Live workflow facts from Temporal's visibility store, for the back-office dashboard. */
import { Router } from 'express'
import type { Client } from '@temporalio/client'
import { authorize } from '../authz.ts'

const LIMIT = 10_000

export function createWorkflowRouter({ temporal }: { temporal: Client }): Router {
  const router = Router()

  /** Running workflows counted per workflow type. */
  router.get('/counts', authorize('workflows', 'read'), async (_req, res) => {
    const counts = new Map<string, number>()
    let seen = 0
    for await (const wf of temporal.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
      counts.set(wf.type, (counts.get(wf.type) ?? 0) + 1)
      if (++seen >= LIMIT) break
    }
    const byType = [...counts].map(([type, running]) => ({ type, running })).sort((a, b) => b.running - a.running)
    res.json({ total: seen, truncated: seen >= LIMIT, byType })
  })
  return router
}
