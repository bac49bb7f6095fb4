/** Subscription refusals (domain codes, openSubscription's and the workflow updates' ApplicationFailure types) as API errors. */
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client'
import { OPEN_REFUSALS } from '../../activities/subscriptions/index.ts'
import { PAUSE_REFUSALS, type PauseRefusalCode } from '../../domain/subscriptions/cancellation.ts'
import { PLAN_REFUSALS, type PlanRefusalCode } from '../../domain/subscriptions/catalog.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError } from '../../domain/subscriptions/errors.ts'
import { PROMO_REFUSALS, type PromoRefusalCode } from '../../domain/subscriptions/promo.ts'
import { TIER_CHANGE_REFUSALS, type TierChangeRefusalCode } from '../../domain/subscriptions/proration.ts'
import { SUBSCRIPTION_REFUSALS } from '../../workflows/subscription.contract.ts'
import { DomainError, type ErrorKind } from '../errors.ts'

type Codes<T extends Record<string, string>> = T[keyof T]
const PLAN: Record<PlanRefusalCode, ErrorKind> = {
  [PLAN_REFUSALS.unknownBrand]: 'planUnknownBrand', [PLAN_REFUSALS.currencyNotOffered]: 'planCurrencyNotOffered',
  [PLAN_REFUSALS.outOfRange]: 'planOutOfRange', [PLAN_REFUSALS.noTiers]: 'planNoTiers', [PLAN_REFUSALS.badTiers]: 'planBadTiers',
  [PLAN_REFUSALS.badBundle]: 'planBadBundle', [PLAN_REFUSALS.badTrial]: 'planBadTrial',
}
const PROMO: Record<PromoRefusalCode, ErrorKind> = {
  [PROMO_REFUSALS.wrongPlan]: 'promoWrongPlan', [PROMO_REFUSALS.notYetValid]: 'promoNotYetValid', [PROMO_REFUSALS.expired]: 'promoExpired',
  [PROMO_REFUSALS.alreadyUsed]: 'promoAlreadyUsed', [PROMO_REFUSALS.exhausted]: 'promoExhausted',
}
const OPEN: Record<Codes<typeof OPEN_REFUSALS>, ErrorKind> = {
  [OPEN_REFUSALS.planUnavailable]: 'planUnavailable', [OPEN_REFUSALS.ownPlan]: 'ownPlan',
  [OPEN_REFUSALS.alreadySubscribed]: 'alreadySubscribed', [OPEN_REFUSALS.unknownPromo]: 'promoUnknown',
}
// 409: the subscription's state stands in the way (try later or not at all); 422: the rules refuse what was asked
const UPDATE: Record<Codes<typeof SUBSCRIPTION_REFUSALS> | PauseRefusalCode | TierChangeRefusalCode | 'PAUSE_NOT_SUPPORTED' | 'TIER_CHANGE_NOT_SUPPORTED', ErrorKind> = {
  [SUBSCRIPTION_REFUSALS.notActive]: 'subscriptionNotActive', [SUBSCRIPTION_REFUSALS.busy]: 'subscriptionBusy',
  [SUBSCRIPTION_REFUSALS.unknownTier]: 'unknownTier', [SUBSCRIPTION_REFUSALS.declined]: 'paymentDeclined',
  [PAUSE_REFUSALS.alreadyPaused]: 'pauseAlreadyPaused', [PAUSE_REFUSALS.notPaused]: 'pauseNotPaused', [PAUSE_REFUSALS.tooLong]: 'pauseTooLong',
  [TIER_CHANGE_REFUSALS.unchanged]: 'tierUnchanged', PAUSE_NOT_SUPPORTED: 'pauseNotSupported',
  TIER_CHANGE_NOT_SUPPORTED: 'tierChangeNotSupported',
}
const INPUT: Partial<Record<Codes<typeof SUBSCRIPTION_ERRORS>, ErrorKind>> = {
  [SUBSCRIPTION_ERRORS.UNKNOWN_TIER]: 'unknownTier', [SUBSCRIPTION_ERRORS.INVALID_PERIOD]: 'invalidPeriod',
  [SUBSCRIPTION_ERRORS.INVALID_PROMO]: 'invalidPromo',
}
const KINDS: Readonly<Record<string, ErrorKind>> = { ...PLAN, ...PROMO, ...OPEN, ...UPDATE, ...INPUT }

/** The API error of a refusal code, with the rules' own message (safe to show). */
export function refused(code: string, message: string): DomainError {
  const kind = KINDS[code]
  if (!kind) throw new Error(`no API error kind for the subscription refusal ${code}: ${message}`)
  return new DomainError(kind, message)
}

/** Runs a domain rule that throws SubscriptionError for unusable input, answering its code as a 4xx. */
export function orRefused<T>(rule: () => T): T {
  try {
    return rule()
  } catch (err) {
    if (err instanceof SubscriptionError && KINDS[err.code]) throw refused(err.code, err.message)
    throw err
  }
}

/** A workflow update refused by its validator or handler, as the API error of its ApplicationFailure type; others unchanged. */
export function updateRefusal(err: unknown): unknown {
  if (!(err instanceof WorkflowUpdateFailedError)) return err
  const cause = err.cause
  if (cause instanceof ApplicationFailure && cause.type && KINDS[cause.type]) return refused(cause.type, cause.message)
  // any other refusal (e.g. INVALID_TIME while a renewal is in flight) is the subscription's state in the way: 409 with its code
  if (cause instanceof ApplicationFailure) return new DomainError('conflict', cause.message, cause.type ? { code: cause.type } : undefined)
  return err
}
