/** Writes the append-only audit trail: who did what, when, why, and which workflow it touched. */
import type { Request } from 'express'
import type { Db } from '../prisma/client.ts'
import type { AuthPerson } from './auth.ts'

export type AuditEntry = {
  action: string
  resourceType: string
  resourceId?: string
  reason?: string
  workflowId?: string
  runId?: string
  details?: Record<string, unknown>
}

export async function audit(db: Db, req: Request, entry: AuditEntry, actor: AuthPerson | null = req.person ?? null): Promise<void> {
  await db.auditLog.create({ data: {
    ...entry, actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, requestId: String(req.id ?? ''),
    details: entry.details ? JSON.parse(JSON.stringify(entry.details)) : undefined,
  } })
}
