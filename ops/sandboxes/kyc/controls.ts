/** Test and ops controls of the KYC sandbox: what it holds, and deciding a session without the browser. */
import express from 'express'
import { decide, decisionInputSchema, type DecideDeps } from './decisions.ts'
import type { SandboxSession } from './state.ts'

/** A session as the controls show it: captures as metadata, never their bytes. */
function view(deps: DecideDeps, session: SandboxSession) {
  const media = deps.state.mediaOf(session).map(({ id, context, mimetype, bytes }) => ({ id, context, mimetype, size: bytes.length }))
  return { ...session, media }
}

/** Routes under /sandbox; not part of Veriff's API. */
export function createControlRouter(deps: DecideDeps) {
  const router = express.Router()
  router.use(express.json())

  /** Lists every session with its latest decision, captures and webhook deliveries. */
  router.get('/sessions', (_req, res) => {
    res.json({ sessions: deps.state.list().map((s) => view(deps, s)), webhooks: deps.webhooks.deliveries })
  })
  /** Decides a session as the hosted flow would (any outcome, expiry included); 409 once it is final. */
  router.post('/sessions/:id/decide', (req, res) => {
    const session = deps.state.find(String(req.params.id))
    if (!session) return res.status(404).json({ error: 'no session with that id' })
    const parsed = decisionInputSchema.safeParse(req.body ?? {})
    if (!parsed.success) return res.status(400).json({ error: 'invalid decision', issues: parsed.error.issues })
    const decision = decide(deps, session, parsed.data)
    if (!decision) return res.status(409).json({ error: `session is already ${session.status}` })
    res.json({ session: view(deps, session) })
  })
  return router
}
