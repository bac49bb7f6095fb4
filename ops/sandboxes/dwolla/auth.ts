/** Dwolla's OAuth: POST /token (client credentials, Basic key:secret, form body) and the Bearer check of every API call. */
import { randomBytes } from 'node:crypto'
import express, { type RequestHandler } from 'express'
import type { DwollaState } from './state.ts'

export type AuthDeps = { key: string; secret: string; state: DwollaState; now: () => number }

const TOKEN_SECONDS = 3600

export function createTokenRouter(deps: AuthDeps) {
  const router = express.Router()
  /** Issues an application access token valid for an hour. */
  router.post('/token', express.urlencoded({ extended: false }), (req, res) => {
    const [scheme, encoded = ''] = (req.get('authorization') ?? '').split(' ')
    if (scheme !== 'Basic' || Buffer.from(encoded, 'base64').toString() !== `${deps.key}:${deps.secret}`) {
      return res.status(401).json({ error: 'invalid_client' })
    }
    if ((req.body as { grant_type?: unknown } | undefined)?.grant_type !== 'client_credentials') return res.status(400).json({ error: 'unsupported_grant_type' })
    const token = randomBytes(24).toString('base64url')
    deps.state.tokens.set(token, deps.now() + TOKEN_SECONDS * 1000)
    res.json({ access_token: token, token_type: 'bearer', expires_in: TOKEN_SECONDS })
  })
  return router
}

/** Every API call: a live Bearer token and the Dwolla media type. */
export const requireToken = (deps: AuthDeps): RequestHandler => (req, res, next) => {
  const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]
  const expires = token ? deps.state.tokens.get(token) : undefined
  const fail = (status: number, code: string, message: string) => res.status(status).type('application/vnd.dwolla.v1.hal+json').send(JSON.stringify({ code, message }))
  if (expires === undefined) return fail(401, 'InvalidAccessToken', 'Invalid access token.')
  if (expires <= deps.now()) return fail(401, 'ExpiredAccessToken', 'Expired access token.')
  if (!(req.get('accept') ?? '').includes('application/vnd.dwolla.v1.hal+json')) return fail(406, 'InvalidVersion', 'Missing or invalid API version.')
  next()
}
