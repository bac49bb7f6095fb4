/**
 * What the payout-rail sandboxes (Paxum, Wise, Dwolla, wire) share: the test and ops controls under /sandbox (GET /payouts,
 * POST /fail-next {count}, POST /report-adjust {providerRef, amount}, POST /report-extra {amount, currency}), the outage
 * switch behind fail-next, and the webhook options of the rails that post webhooks.
 */
import express, { type Request } from 'express'
import { isCurrency } from '../../domain/money.ts'
import type { PosterSettings } from './notification-poster.ts'

/** A positive whole number of minor units. */
export const isAmount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0

/** The outage switch of a sandbox's state; arrow functions, so a state can spread it into its own object. */
export function createFailNext() {
  let left = 0
  return {
    /** The next `count` API calls answer 503. */
    failNextCalls: (count: number): void => {
      left = count
    },
    /** True (and counts down) when this API call must fail. */
    takeFailure: (): boolean => {
      if (left <= 0) return false
      left -= 1
      return true
    },
  }
}

/** A payout the rail's report can show with another amount. */
type Reportable = { reportAmount: number | null }

/** The default adjustment: the report shows `amount` (minor units) for the payout. */
function adjustAmount(payout: Reportable, { amount }: Record<string, unknown>): string | undefined {
  if (!isAmount(amount)) return 'amount must be a positive integer in minor units'
  payout.reportAmount = amount
  return undefined
}

export type PayoutControlsDeps<P extends Reportable> = {
  /** the body of GET /payouts: the payouts and whatever else the sandbox shows */
  list: () => object
  /** the state's outage switch */
  failNextCalls: (count: number) => void
  /** the payout our driver knows as `providerRef` */
  find: (providerRef: string) => P | undefined
  /** what the 404 calls a payout; default 'transfer' */
  noun?: string
  /** applies a report-adjust body to the payout, or says why it will not do (400); default: `amount` shown instead */
  adjust?: (payout: P, body: Record<string, unknown>) => string | undefined
  /** keeps a payout nobody asked for, booked `at`, and returns it */
  addExtra: (extra: { amount: number; currency: string; at: string }, req: Request) => P
  /** the currencies an extra may be in when fewer than domain/money knows; a single one is named in the 400 */
  extraCurrencies?: readonly string[]
  now: () => number
}

/** Test and ops controls: a look at what the sandbox holds, outages, and report differences for reconciliation. */
export function createPayoutControls<P extends Reportable>(deps: PayoutControlsDeps<P>) {
  const adjust = deps.adjust ?? adjustAmount
  const only = deps.extraCurrencies?.length === 1 ? ` ${deps.extraCurrencies[0]}` : ''
  const router = express.Router()
  router.use(express.json())
  /** Every payout the sandbox holds, with the balances and what else the rail shows. */
  router.get('/payouts', (_req, res) => {
    res.json(deps.list())
  })
  /** The next `count` API calls answer 503. */
  router.post('/fail-next', (req, res) => {
    const count = (req.body as { count?: unknown } | undefined)?.count
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return res.status(400).json({ error: 'count must be a non-negative integer' })
    deps.failNextCalls(count)
    res.json({ failNext: count })
  })
  /** The rail's report shows another amount (or, where the rail says so, another reference) for the payout `providerRef`. */
  router.post('/report-adjust', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const payout = typeof body.providerRef === 'string' ? deps.find(body.providerRef) : undefined
    if (!payout) return res.status(404).json({ error: `no ${deps.noun ?? 'transfer'} with that providerRef` })
    const refused = adjust(payout, body)
    if (refused) return res.status(400).json({ error: refused })
    res.json({ payout })
  })
  /** A payout in the report that nobody asked for (`amount` in minor units). */
  router.post('/report-extra', (req, res) => {
    const { amount, currency } = (req.body ?? {}) as { amount?: unknown; currency?: unknown }
    if (!isAmount(amount) || !isCurrency(currency) || (deps.extraCurrencies && !deps.extraCurrencies.includes(currency))) {
      return res.status(400).json({ error: `amount (minor units) and currency${only} required` })
    }
    res.json({ payout: deps.addExtra({ amount, currency, at: new Date(deps.now()).toISOString() }, req) })
  })
  return router
}

/** The webhook options of a payout-rail sandbox that posts webhooks. */
export type WebhookOptions = {
  /** where webhooks go; none are sent without it */
  webhookUrl?: string
  /** default 100 ms */
  webhookDelayMs?: number
  /** deliver every webhook twice; default false */
  duplicateWebhooks?: boolean
  /** retries while the receiver does not answer 2xx: default 5 attempts, the first retry after 250 ms, then doubling */
  webhookAttempts?: number
  webhookRetryBaseMs?: number
  fetch?: typeof fetch
}

/** The poster settings those options stand for. */
export const posterSettings = (options: WebhookOptions): PosterSettings => ({ url: options.webhookUrl, delayMs: options.webhookDelayMs ?? 100,
  duplicate: options.duplicateWebhooks ?? false, attempts: options.webhookAttempts, retryBaseMs: options.webhookRetryBaseMs, fetch: options.fetch })
