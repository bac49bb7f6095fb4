/**
 * The codec server the Temporal Web UI calls to show payloads in clear text (POST <endpoint>/decode and /encode,
 * bodies `{ payloads: [{ metadata: { k: base64 }, data: base64 }] }`). The UI runs on another origin and sends its
 * cookie, so the routes answer CORS for that one origin, with credentials.
 */
import express, { Router, type Request, type RequestHandler } from 'express'
import type { PayloadCodec } from '@temporalio/common'
import { z } from 'zod'
import { payloadFromJson, payloadToJson } from '../../activities/pii/history-decode.ts'
import { DomainError } from '../errors.ts'

/**
 * `codec` should be built with onShredded 'placeholder', so an erased person's payload shows as erased.
 * `authorize` says whether the caller may see decoded payloads; it may also throw a DomainError itself.
 */
export type TemporalCodecRouterDeps = { codec: PayloadCodec; authorize: (req: Request) => Promise<boolean>; uiOrigin: string }

const PATHS = ['/temporal-codec/decode', '/temporal-codec/encode']
// Temporal caps a payload at 2 MB; base64 adds a third
const BODY_LIMIT = '4mb'
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
const body = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() })).max(10_000),
})

function cors(uiOrigin: string): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin')
    if (req.get('origin') === uiOrigin) {
      res.set({ 'Access-Control-Allow-Origin': uiOrigin, 'Access-Control-Allow-Credentials': 'true' })
    }
    if (req.method !== 'OPTIONS') return next()
    if (req.get('origin') === uiOrigin) {
      res.set({ 'Access-Control-Allow-Methods': 'POST, OPTIONS', 'Access-Control-Allow-Headers': 'content-type, x-namespace, authorization',
        'Access-Control-Max-Age': '600' })
    }
    res.status(204).end()
  }
}

/** Encode and decode for the Temporal Web UI, for callers `authorize` lets through. */
export function createTemporalCodecRouter({ codec, authorize, uiOrigin }: TemporalCodecRouterDeps): Router {
  const router = Router()
  router.use(PATHS, cors(uiOrigin))
  router.use(PATHS, async (req, _res, next) => {
    if (await authorize(req)) return next()
    // no credentials at all is "sign in"; credentials that do not allow this are "not for you"
    const presented = Boolean(req.get('authorization') || req.get('cookie'))
    next(presented ? new DomainError('forbidden', 'Only administrators may decode Temporal payloads.')
      : new DomainError('unauthenticated', 'Sign in first.'))
  })
  router.use(PATHS, express.json({ limit: BODY_LIMIT }))

  const convert = (op: 'encode' | 'decode'): RequestHandler => async (req, res) => {
    const { payloads } = body.parse(req.body)
    const converted = await codec[op](payloads.map(payloadFromJson))
    res.json({ payloads: converted.map(payloadToJson) })
  }
  /** Payloads in clear text; an erased person's show as a placeholder. */
  router.post('/temporal-codec/decode', convert('decode'))
  /** Payloads sealed as the workers would store them (the UI encodes what it sends, e.g. signal arguments). */
  router.post('/temporal-codec/encode', convert('encode'))
  return router
}
