/** The sandbox's CCBill RESTful Transaction API: OAuth2 client credentials and charging a payment token, once or recurring. */
import express, { type Request, type Response } from 'express'
import { z } from 'zod'
import { saleEvent } from './events.ts'
import { SANDBOX_CURRENCIES, type CcbillState, type Reply, type SandboxRecurring, type SandboxTransaction } from './state.ts'
import type { WebhookPoster } from './webhooks.ts'

const ACCEPT = 'application/vnd.mcn.transaction-service.api.v.2+json'

/** Test payment tokens: the prefix decides the outcome; any other token is unknown to CCBill. */
export const TEST_TOKENS = [
  { prefix: 'tok_approve', declineCode: null, declineText: null },
  { prefix: 'tok_decline_funds', declineCode: 51, declineText: 'Insufficient Funds' },
  { prefix: 'tok_decline_fraud', declineCode: 59, declineText: 'Suspected Fraud' },
  { prefix: 'tok_decline_bank', declineCode: 5, declineText: 'Do Not Honor' },
  { prefix: 'tok_expired', declineCode: 54, declineText: 'Expired Card' },
] as const

const price = z.union([z.number(), z.string()]).transform(String).pipe(z.string().regex(/^\d+(\.\d{1,2})?$/)).refine((v) => Number(v) > 0)

const chargeSchema = z.object({
  clientAccnum: z.coerce.number().int(),
  clientSubacc: z.coerce.number().int().min(0).max(9999),
  initialPrice: price,
  initialPeriod: z.number().int().positive(),
  // a subscription: both or neither; rebills 99 means until cancelled, 0 a one-time sale after all
  recurringPrice: price.optional(),
  recurringPeriod: z.number().int().positive().optional(),
  rebills: z.number().int().min(0).max(99).optional(),
  currencyCode: z.number().int().refine((c) => c in SANDBOX_CURRENCIES),
  passThroughInfo: z.record(z.string(), z.string()).optional(),
}).refine((b) => (b.recurringPrice === undefined) === (b.recurringPeriod === undefined),
  { message: 'recurringPrice and recurringPeriod go together', path: ['recurringPeriod'] })

export type RestApiDeps = { appId: string; secret: string; clientAccnum: string; state: CcbillState; webhooks: WebhookPoster }

const json = (status: number, body: unknown): Reply => ({ status, contentType: 'application/json', body: JSON.stringify(body) })
const apiError = (status: number, errorCode: number, generalMessage: string, errors: unknown[] = []) =>
  json(status, { errorCode, generalMessage, errors })
export const send = (res: Response, reply: Reply) => res.status(reply.status).type(reply.contentType).send(reply.body)

function issueToken(deps: RestApiDeps, req: Request): Reply {
  const [scheme, encoded = ''] = (req.get('authorization') ?? '').split(' ')
  if (scheme !== 'Basic' || Buffer.from(encoded, 'base64').toString() !== `${deps.appId}:${deps.secret}`) {
    return json(401, { error: 'unauthorized', error_description: 'Bad credentials' })
  }
  if (req.body?.grant_type !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' })
  const { token, expiresIn } = deps.state.issueToken(Date.now())
  return json(200, { access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: 'create_token read write' })
}

const DAY_MS = 86_400_000

/** The subscription an approved charge opens, when its body asks CCBill to rebill. */
function recurringOf(body: z.output<typeof chargeSchema>, approved: boolean, now: number): SandboxRecurring | null {
  if (!approved || body.recurringPrice === undefined || body.recurringPeriod === undefined || body.rebills === 0) return null
  return { price: body.recurringPrice, periodDays: body.recurringPeriod, nextRenewalAt: new Date(now + body.initialPeriod * DAY_MS).toISOString(),
    cancelledAt: null, renewals: [] }
}

function record(deps: RestApiDeps, tokenId: string, body: z.output<typeof chargeSchema>, outcome: (typeof TEST_TOKENS)[number]) {
  const approved = outcome.declineCode === null
  const now = Date.now()
  const id = deps.state.nextId()
  const passThrough = Object.fromEntries(Object.entries(body.passThroughInfo ?? {}).filter(([k]) => k.startsWith('X-')))
  const t: SandboxTransaction = {
    subscriptionId: approved ? id : null, denialId: approved ? null : id, transactionId: deps.state.nextId(),
    paymentTokenId: tokenId, clientAccnum: String(body.clientAccnum), clientSubacc: String(body.clientSubacc).padStart(4, '0'),
    initialPrice: body.initialPrice, currencyCode: body.currencyCode, approved, declineCode: outcome.declineCode,
    declineText: outcome.declineText, state: approved ? 'approved' : 'declined', settled: false, refundedAmount: null,
    passThrough, createdAt: new Date(now).toISOString(), initialPeriod: body.initialPeriod, recurring: recurringOf(body, approved, now),
  }
  deps.state.transactions.set(id, t)
  if (approved) deps.webhooks.post('NewSaleSuccess', saleEvent(t, Date.now()))
  return t
}

function charge(deps: RestApiDeps, req: Request): Reply {
  const tokenId = String(req.params.paymentTokenId)
  const parsed = chargeSchema.safeParse(req.body)
  if (!parsed.success) return apiError(400, 200000, 'Problem with the attribute values.', parsed.error.issues)
  if (String(parsed.data.clientAccnum) !== deps.clientAccnum) return apiError(400, 100100, 'Invalid client account.')
  const outcome = TEST_TOKENS.find((t) => tokenId.startsWith(t.prefix))
  if (!outcome) return apiError(404, 100101, 'Invalid payment token.')
  const t = record(deps, tokenId, parsed.data, outcome)
  return json(200, {
    declineCode: t.declineCode, declineText: t.declineText, denialId: t.denialId, approved: t.approved,
    paymentUniqueId: `pu_${t.transactionId}`, sessionId: null, subscriptionId: t.subscriptionId, newPaymentTokenId: null,
  })
}

export function createRestApiRouter(deps: RestApiDeps) {
  const router = express.Router()
  router.post('/ccbill-auth/oauth/token', express.urlencoded({ extended: false }), (req, res) => {
    send(res, issueToken(deps, req))
  })
  router.post('/transactions/payment-tokens/:paymentTokenId', express.json({ type: '*/*' }), (req, res) => {
    const [scheme, token = ''] = (req.get('authorization') ?? '').split(' ')
    if (scheme !== 'Bearer' || !deps.state.tokenValid(token, Date.now())) {
      return send(res, json(401, { error: 'invalid_token', error_description: 'Invalid access token' }))
    }
    if (!(req.get('accept') ?? '').includes(ACCEPT)) return send(res, apiError(406, 100020, `Accept must be ${ACCEPT}`))
    send(res, deps.state.replay('charge', req.get('x-idempotency-key'), () => charge(deps, req)))
  })
  return router
}
