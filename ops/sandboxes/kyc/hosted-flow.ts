/** The hosted flow at a session's URL (/v/{sessionToken}): a form the person (or a headless browser) submits. */
import express, { type Request, type Response } from 'express'
import { decide, decisionInputSchema, HOSTED_OUTCOMES, type DecideDeps } from './decisions.ts'
import { defaultValues, escapeHtml, page, verificationForm, type FormValues } from './hosted-page.ts'
import { FINAL_STATUSES, type SandboxSession } from './state.ts'

const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? form[name].trim() : '')

/** The posted fields as a decision; each is present, so each must be valid: the form always captures a full document. */
const fromForm = (form: Record<string, unknown>) => ({
  status: text(form, 'outcome'),
  reasonCode: text(form, 'reasonCode') || undefined,
  person: { firstName: text(form, 'firstName'), lastName: text(form, 'lastName'), dateOfBirth: text(form, 'dateOfBirth') },
  document: { type: text(form, 'documentType'), number: text(form, 'documentNumber'), country: text(form, 'documentCountry').toUpperCase(),
    validUntil: text(form, 'documentValidUntil') },
})
const hostedSchema = decisionInputSchema.refine((d) => (HOSTED_OUTCOMES as readonly string[]).includes(d.status),
  { message: 'not an outcome of the hosted flow', path: ['status'] })

const finished = (res: Response) =>
  res.status(200).type('html').send(page('Verification complete', '<p>This verification is complete. There is nothing more to do here.</p>'))

/** Routes of the hosted flow: GET shows the form, POST submits the attempt. */
export function createHostedFlowRouter(deps: DecideDeps) {
  const router = express.Router()
  const session = (req: Request, res: Response): SandboxSession | undefined => {
    const found = deps.state.byToken(String(req.params.token))
    if (!found) res.status(404).type('html').send(page('Session not found', '<p>This verification link is not valid.</p>'))
    return found
  }

  /** Shows the form; the first visit marks the session started (an unfinished one is later abandoned, not expired). */
  router.get('/v/:token', (req, res) => {
    const found = session(req, res)
    if (!found) return
    if (FINAL_STATUSES.includes(found.status)) return finished(res)
    if (found.status === 'created') found.status = 'started'
    res.status(200).type('html').send(verificationForm(found, defaultValues(found)))
  })

  /** Submits the attempt: decides it, posts the webhook, and sends the person back to the merchant's callback. */
  router.post('/v/:token', express.urlencoded({ extended: false }), (req, res) => {
    const found = session(req, res)
    if (!found) return
    if (FINAL_STATUSES.includes(found.status)) return finished(res)
    const parsed = hostedSchema.safeParse(fromForm(req.body ?? {}))
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`)
      return res.status(400).type('html').send(verificationForm(found, req.body as FormValues, errors))
    }
    decide(deps, found, parsed.data)
    if (found.callback) return res.redirect(303, found.callback)
    res.status(200).type('html').send(page('Thank you', `<p>Your verification was submitted (${escapeHtml(found.status)}).</p>`))
  })
  return router
}
