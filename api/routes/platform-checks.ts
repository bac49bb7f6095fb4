/** Starts the checkPlatform workflow and reads its results. */
import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import type { Client } from '@temporalio/client'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import { checkPlatform } from '../../workflows/check-platform.ts'
import { checkPlatformTaskQueue, checkPlatformWorkflowId, progressQuery } from '../../workflows/check-platform.contract.ts'
import { audit } from '../audit.ts'
import { authorize } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

const list = listQuery(['startedAt', 'id'], z.object({ status: z.enum(['RUNNING', 'COMPLETED', 'FAILED']).optional() }))
const idParam = z.object({ id: z.string().uuid('id must be a UUID') })

/** Starts a check; returns the handle's ids. */
export async function startPlatformCheck(temporal: Client, requestedById: string | null) {
  const id = randomUUID()
  const handle = await temporal.workflow.start(checkPlatform, {
    workflowId: checkPlatformWorkflowId(id), taskQueue: checkPlatformTaskQueue,
    args: [{ checkId: id, requestedById }], workflowExecutionTimeout: '5m',
  })
  return { id, workflowId: handle.workflowId, runId: handle.firstExecutionRunId, handle }
}

export function createPlatformCheckRouter({ db, temporal }: { db: Db; temporal: Client }): Router {
  const router = Router()
  router.use(authorize('platform-checks', 'run'))

  /** Runs a platform self-check (202 + Location of the result). */
  router.post('/', async (req, res) => {
    const { id, workflowId, runId } = await startPlatformCheck(temporal, req.person?.id ?? null)
    await audit(db, req, { action: 'platform-check.start', resourceType: 'platform-check', resourceId: id, workflowId, runId })
    res.status(202).location(`/api/platform-checks/${id}`).json({ id, workflowId, runId })
  })

  /** Past checks, newest first. */
  router.get('/', async (req, res) => {
    const q = list.parse(req.query)
    const where = q.filter as { status?: 'RUNNING' | 'COMPLETED' | 'FAILED' }
    const orderBy = req.query.sort ? q.orderBy : { startedAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.platformCheck.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.platformCheck.count({ where })])
    sendPage(res, 'platform-checks', q.skip, rows, total)
  })

  /** One check: the stored result, or the live progress while its first activity has not yet run. */
  router.get('/:id', async (req, res) => {
    const { id } = idParam.parse(req.params)
    const row = await db.platformCheck.findUnique({ where: { id } })
    if (row) return void res.json(row)
    const handle = temporal.workflow.getHandle(checkPlatformWorkflowId(id))
    const checks = await handle.query(progressQuery).catch((err: unknown) => {
      if (err instanceof Error && err.name === 'WorkflowNotFoundError') throw new DomainError('notFound', 'No such platform check.')
      throw err
    })
    res.json({ id, workflowId: handle.workflowId, runId: null, status: 'RUNNING', ok: null, checks, startedAt: null, finishedAt: null })
  })
  return router
}
