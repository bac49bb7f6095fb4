/** The sandbox's Veriff Public API v1: create session, decision, media; X-AUTH-CLIENT and X-HMAC-SIGNATURE as documented. */
import { createHmac, timingSafeEqual } from 'node:crypto'
import express, { type Request, type RequestHandler, type Response } from 'express'
import { z } from 'zod'
import type { KycState, Reply } from './state.ts'
import { signedHeaders } from './webhooks.ts'

/** The integration's credentials, the sandbox state, and the public base of hosted-flow links. */
export type ApiDeps = { apiKey: string; sharedSecret: string; state: KycState; publicUrl: () => string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const failBody = (code: number | null, message: string) => JSON.stringify({ status: 'fail', ...(code ? { code } : {}), message })
const fail = (res: Response, status: number, code: number | null, message: string) =>
  res.status(status).type('application/json').send(failBody(code, message))

/** Veriff's credentials and authorization codes: which header is wrong, and how. */
function authProblem(deps: ApiDeps, req: Request, payload: string, signatureRequired: boolean): [number, string] | null {
  const client = req.get('x-auth-client')
  if (!client) return [1801, 'Mandatory X-AUTH-CLIENT header containing the API key is missing from the request']
  if (!UUID.test(client)) return [1802, 'API key is not a valid UUID']
  if (client.toLowerCase() !== deps.apiKey.toLowerCase()) return [1803, 'Integration with the API key was not found']
  const signature = req.get('x-hmac-signature')
  if (!signature && !signatureRequired) return null
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return [1812, 'Signature is not a valid SHA256 hash']
  const expected = createHmac('sha256', deps.sharedSecret).update(payload).digest()
  if (timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return null
  return req.method === 'GET' ? [1818, 'Signature does not match the HMAC-SHA256 of query ID and integration API secret']
    : [1819, 'Signature does not match the HMAC-SHA256 of request body and integration API secret']
}

/** Checks credentials; `signed` says what the signature covers (the id for GET, the raw body for POST). */
const authenticate = (deps: ApiDeps, signed: (req: Request) => string, signatureRequired: boolean): RequestHandler => (req, res, next) => {
  const problem = authProblem(deps, req, signed(req), signatureRequired)
  if (problem) return fail(res, 401, ...problem)
  next()
}

const createSchema = z.object({ verification: z.object({
  // Veriff wants https (code 1302); the sandbox also takes http for local storefronts, but never javascript: and the like
  callback: z.url({ protocol: /^https?$/ }).optional(),
  person: z.object({ firstName: z.string().optional(), lastName: z.string().optional(),
    dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).optional(),
  vendorData: z.string().max(1000).optional(),
  endUserId: z.string().regex(UUID).optional(),
}) })

/** Veriff's troubleshooting code for the first thing wrong with a create-session body. */
function createProblem(error: z.ZodError): [number, string] {
  const issue = error.issues[0]
  const field = issue?.path.at(-1)
  if (field === 'verification') return [1102, 'Mandatory parameters are missing from the request.']
  if (field === 'vendorData') return issue?.code === 'too_big' ? [1500, 'vendorData field cannot be more than 1000 symbols']
    : [1501, 'vendorData must be a string']
  if (field === 'dateOfBirth') return [1203, 'Invalid ISO 8601 date. Date needs to be in format YYYY-MM-DD.']
  return [1104, 'Request includes invalid parameters.']
}

function createSession(deps: ApiDeps, rawBody: string): Reply {
  let json: unknown
  try {
    json = JSON.parse(rawBody)
  } catch {
    return { status: 400, body: failBody(1104, 'Request body is not valid JSON.') }
  }
  const parsed = createSchema.safeParse(json)
  if (!parsed.success) return { status: 400, body: failBody(...createProblem(parsed.error)) }
  const v = parsed.data.verification
  const session = deps.state.create({ vendorData: v.vendorData ?? null, endUserId: v.endUserId ?? null, callback: v.callback ?? null,
    person: { firstName: v.person?.firstName ?? null, lastName: v.person?.lastName ?? null, dateOfBirth: v.person?.dateOfBirth ?? null } })
  const host = deps.publicUrl()
  return { status: 201, body: JSON.stringify({ status: 'success', verification: {
    id: session.id, url: `${host}/v/${session.sessionToken}`, vendorData: session.vendorData, host, status: 'created',
    sessionToken: session.sessionToken,
  } }) }
}

/** Routes under /v1, each behind Veriff's credential checks. */
export function createApiRouter(deps: ApiDeps) {
  const router = express.Router()
  const sendSigned = (res: Response, payload: unknown) => {
    const body = JSON.stringify(payload)
    res.status(200).set(signedHeaders(deps.apiKey, deps.sharedSecret, body)).type('application/json').send(body)
  }
  const session = (req: Request, res: Response) => {
    const found = deps.state.find(String(req.params.id))
    if (!found) fail(res, 404, null, 'Session not found')
    return found
  }
  const byId = authenticate(deps, (req) => String(req.params.id), true)

  /** Opens a verification session; a repeated X-Idempotency-Key gets the first answer again (Veriff has no such header). */
  router.post('/v1/sessions', express.text({ type: '*/*' }), authenticate(deps, (req) => String(req.body ?? ''), false), (req, res) => {
    const body = String(req.body ?? '')
    const reply = deps.state.replay(req.get('x-idempotency-key'), body, () => createSession(deps, body))
    res.status(reply.status).type('application/json').send(reply.body)
  })
  /** The latest decision, or `verification: null` while there is none. */
  router.get('/v1/sessions/:id/decision', byId, (req, res) => {
    const found = session(req, res)
    if (found) sendSigned(res, { status: 'success', verification: found.decision, technicalData: { ip: '127.0.0.1' } })
  })
  /** Metadata of the latest attempt's captures. */
  router.get('/v1/sessions/:id/media', byId, (req, res) => {
    const found = session(req, res)
    if (!found) return
    const images = deps.state.mediaOf(found).map((m) => ({ id: m.id, name: m.context, context: m.context, timestamp: m.timestamp,
      size: m.bytes.length, mimetype: m.mimetype, url: `${deps.publicUrl()}/v1/media/${m.id}`, sessionId: m.sessionId }))
    sendSigned(res, { status: 'success', videos: [], images })
  })
  /** One capture's bytes. */
  router.get('/v1/media/:id', byId, (req, res) => {
    const media = deps.state.media(String(req.params.id))
    if (!media) return fail(res, 404, null, 'Media not found')
    res.status(200).type(media.mimetype).send(media.bytes)
  })
  return router
}
