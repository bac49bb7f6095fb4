/** The API's one door to the authorization policy (domain/authz.ts): every protected route goes through `authorize`. */
import type { Request, RequestHandler } from 'express'
import { allowedBrands, decide, type Action, type Resource } from '../domain/authz.ts'
import { DomainError } from './errors.ts'

/** Requires a signed-in person allowed `action` on `resource` (for the request's brand when `brandOf` names one). */
export function authorize<R extends Resource>(resource: R, action: Action<R>, brandOf?: (req: Request) => string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!req.person) return next(new DomainError('unauthenticated', 'Sign in first.'))
    const brand = brandOf?.(req)
    if (decide(req.person.roles, resource, action, brand)) return next()
    next(new DomainError('forbidden', `You may not ${action} ${resource}${brand ? ` on ${brand}` : ''}.`))
  }
}

/** The brands the signed-in person may see for a list: 'all' or slugs (routes filter their query with it). */
export function brandScope<R extends Resource>(req: Request, resource: R, action: Action<R>): 'all' | string[] {
  return req.person ? allowedBrands(req.person.roles, resource, action) : []
}
