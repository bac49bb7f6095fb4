/** Domain errors and the one middleware that turns every error into a machine-readable HTTP answer. */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client'
import { ZodError } from 'zod'

export const ERROR_CODES = {
  validation: { code: 'VALIDATION_FAILED', status: 400 },
  malformedJson: { code: 'MALFORMED_JSON', status: 400 },
  unauthenticated: { code: 'UNAUTHENTICATED', status: 401 },
  invalidCredentials: { code: 'INVALID_CREDENTIALS', status: 401 },
  forbidden: { code: 'FORBIDDEN', status: 403 },
  notFound: { code: 'NOT_FOUND', status: 404 },
  routeNotFound: { code: 'ROUTE_NOT_FOUND', status: 404 },
  conflict: { code: 'CONFLICT', status: 409 },
  workflowAlreadyStarted: { code: 'WORKFLOW_ALREADY_STARTED', status: 409 },
  unprocessable: { code: 'UNPROCESSABLE', status: 422 },
  ownPost: { code: 'OWN_POST', status: 422 },
  ownTip: { code: 'OWN_TIP', status: 422 },
  amountOutOfRange: { code: 'AMOUNT_OUT_OF_RANGE', status: 422 },
  notRefundable: { code: 'NOT_REFUNDABLE', status: 409 },
  refundWindowClosed: { code: 'REFUND_WINDOW_CLOSED', status: 422 },
  badSignature: { code: 'BAD_SIGNATURE', status: 401 },
  untrustedSource: { code: 'UNTRUSTED_SOURCE', status: 403 },
  staleNotification: { code: 'STALE_NOTIFICATION', status: 400 },
  malformedNotification: { code: 'MALFORMED_NOTIFICATION', status: 400 },
  emailTaken: { code: 'EMAIL_TAKEN', status: 409 },
  handleTaken: { code: 'HANDLE_TAKEN', status: 409 },
  underage: { code: 'UNDERAGE', status: 422 },
  malformedDateOfBirth: { code: 'MALFORMED_DATE_OF_BIRTH', status: 400 },
  implausibleDateOfBirth: { code: 'IMPLAUSIBLE_DATE_OF_BIRTH', status: 400 },
  unknownCountry: { code: 'UNKNOWN_COUNTRY', status: 400 },
  unknownRegion: { code: 'UNKNOWN_REGION', status: 400 },
  jurisdictionBlocked: { code: 'JURISDICTION_BLOCKED', status: 451 },
  tokenExpired: { code: 'TOKEN_EXPIRED', status: 410 },
  invalidToken: { code: 'INVALID_TOKEN', status: 400 },
  emailNotVerified: { code: 'EMAIL_NOT_VERIFIED', status: 403 },
  ageVerificationPending: { code: 'AGE_VERIFICATION_PENDING', status: 403 },
  accountInactive: { code: 'ACCOUNT_INACTIVE', status: 403 },
  accountLocked: { code: 'ACCOUNT_LOCKED', status: 423 },
  rateLimited: { code: 'RATE_LIMITED', status: 429 },
  invalidTotp: { code: 'INVALID_TOTP', status: 401 },
  alreadyCreator: { code: 'ALREADY_CREATOR', status: 409 },
  verificationInProgress: { code: 'VERIFICATION_IN_PROGRESS', status: 409 },
  caseClosed: { code: 'CASE_CLOSED', status: 409 },
  caseNotInReview: { code: 'CASE_NOT_IN_REVIEW', status: 409 },
  unknownCreator: { code: 'UNKNOWN_CREATOR', status: 422 },
  unknownReferrer: { code: 'UNKNOWN_REFERRER', status: 422 },
  selfReferral: { code: 'SELF_REFERRAL', status: 422 },
  referralExists: { code: 'REFERRAL_EXISTS', status: 409 },
  invalidPeriod: { code: 'INVALID_PERIOD', status: 422 },
  alreadyEnded: { code: 'ALREADY_ENDED', status: 409 },
  notStarted: { code: 'NOT_STARTED', status: 409 },
  invalidRange: { code: 'INVALID_RANGE', status: 400 },
  unavailable: { code: 'UNAVAILABLE', status: 503 },
  internal: { code: 'INTERNAL_ERROR', status: 500 },
  // payments: a well-formed request this deployment cannot carry out as asked (422, as OWN_POST), before any workflow starts
  processorUnavailable: { code: 'PROCESSOR_UNAVAILABLE', status: 422 },
  noStoredPaymentMethod: { code: 'NO_STORED_PAYMENT_METHOD', status: 422 },
  walletNotYours: { code: 'WALLET_NOT_YOURS', status: 422 },
  // subscriptions: a creator's plan and promo codes refused by the rules (422), a code taken (409)
  planUnknownBrand: { code: 'PLAN_UNKNOWN_BRAND', status: 422 },
  planCurrencyNotOffered: { code: 'PLAN_CURRENCY_NOT_OFFERED', status: 422 },
  planOutOfRange: { code: 'PLAN_OUT_OF_RANGE', status: 422 },
  planNoTiers: { code: 'PLAN_NO_TIERS', status: 422 },
  planBadTiers: { code: 'PLAN_BAD_TIERS', status: 422 },
  planBadBundle: { code: 'PLAN_BAD_BUNDLE', status: 422 },
  planBadTrial: { code: 'PLAN_BAD_TRIAL', status: 422 },
  planCurrencyLocked: { code: 'PLAN_CURRENCY_LOCKED', status: 409 },
  priceChangeRequired: { code: 'PRICE_CHANGE_REQUIRED', status: 422 },
  priceUnchanged: { code: 'PRICE_UNCHANGED', status: 422 },
  invalidPromo: { code: 'INVALID_PROMO', status: 422 },
  promoCodeTaken: { code: 'PROMO_CODE_TAKEN', status: 409 },
  // subscriptions: a fan's subscribe refused before anything starts
  planUnavailable: { code: 'PLAN_UNAVAILABLE', status: 422 },
  ownPlan: { code: 'OWN_PLAN', status: 422 },
  alreadySubscribed: { code: 'ALREADY_SUBSCRIBED', status: 409 },
  unknownTier: { code: 'UNKNOWN_TIER', status: 422 },
  promoUnknown: { code: 'PROMO_UNKNOWN', status: 422 },
  promoWrongPlan: { code: 'PROMO_WRONG_PLAN', status: 422 },
  promoNotYetValid: { code: 'PROMO_NOT_YET_VALID', status: 422 },
  promoExpired: { code: 'PROMO_EXPIRED', status: 422 },
  promoAlreadyUsed: { code: 'PROMO_ALREADY_USED', status: 422 },
  promoExhausted: { code: 'PROMO_EXHAUSTED', status: 422 },
  // subscriptions: updates the workflow refused; 409 when its state stands in the way, 422 when the rules refuse the request
  subscriptionNotActive: { code: 'SUBSCRIPTION_NOT_ACTIVE', status: 409 },
  subscriptionBusy: { code: 'SUBSCRIPTION_BUSY', status: 409 },
  pauseAlreadyPaused: { code: 'PAUSE_ALREADY_PAUSED', status: 409 },
  pauseNotPaused: { code: 'PAUSE_NOT_PAUSED', status: 409 },
  pauseTooLong: { code: 'PAUSE_TOO_LONG', status: 422 },
  pauseNotSupported: { code: 'PAUSE_NOT_SUPPORTED', status: 422 },
  tierChangeNotSupported: { code: 'TIER_CHANGE_NOT_SUPPORTED', status: 422 },
  tierUnchanged: { code: 'TIER_UNCHANGED', status: 422 },
  paymentDeclined: { code: 'PAYMENT_DECLINED', status: 422 },
  // collectibles: the brand's rules or the content refuse the edition (422), its state stands in the way (409)
  collectiblesDisabled: { code: 'COLLECTIBLES_DISABLED', status: 422 },
  invalidEdition: { code: 'INVALID_EDITION', status: 422 },
  editionTooLarge: { code: 'EDITION_TOO_LARGE', status: 422 },
  royaltyTooHigh: { code: 'ROYALTY_TOO_HIGH', status: 422 },
  notYourMedia: { code: 'NOT_YOUR_MEDIA', status: 403 },
  mediaNotPublished: { code: 'MEDIA_NOT_PUBLISHED', status: 422 },
  performerUnverified: { code: 'PERFORMER_UNVERIFIED', status: 422 },
  kycNotCurrent: { code: 'KYC_NOT_CURRENT', status: 403 },
  invalidAddress: { code: 'INVALID_ADDRESS', status: 422 },
  editionExists: { code: 'EDITION_EXISTS', status: 409 },
  notOnSale: { code: 'NOT_ON_SALE', status: 409 },
  soldOut: { code: 'SOLD_OUT', status: 409 },
  ownEdition: { code: 'OWN_EDITION', status: 403 },
  takenDown: { code: 'TAKEN_DOWN', status: 410 },
  // media: an upload refused before a byte is stored (422), or its parts not all there (409)
  notACreator: { code: 'NOT_A_CREATOR', status: 403 },
  unsupportedType: { code: 'UNSUPPORTED_TYPE', status: 422 },
  fileTooLarge: { code: 'FILE_TOO_LARGE', status: 422 },
  emptyFile: { code: 'EMPTY_FILE', status: 422 },
  extensionMismatch: { code: 'EXTENSION_MISMATCH', status: 422 },
  uploadIncomplete: { code: 'UPLOAD_INCOMPLETE', status: 409 },
  truncatedUpload: { code: 'TRUNCATED_UPLOAD', status: 422 },
  uploadClosed: { code: 'UPLOAD_CLOSED', status: 409 },
  markupNotAllowed: { code: 'MARKUP_NOT_ALLOWED', status: 422 },
  controlCharacters: { code: 'CONTROL_CHARACTERS', status: 422 },
  priceOutOfRange: { code: 'PRICE_OUT_OF_RANGE', status: 422 },
  notDeletable: { code: 'NOT_DELETABLE', status: 409 },
  // media review: the item's state stands in the way (409) or the decision is malformed (422)
  notInReview: { code: 'NOT_IN_REVIEW', status: 409 },
  notAppealable: { code: 'NOT_APPEALABLE', status: 409 },
  appealWindowClosed: { code: 'APPEAL_WINDOW_CLOSED', status: 409 },
  notAppealed: { code: 'NOT_APPEALED', status: 409 },
  ownDecisionAppealed: { code: 'OWN_DECISION_APPEALED', status: 409 },
  ownUpload: { code: 'OWN_UPLOAD', status: 409 },
  ownEscalation: { code: 'OWN_ESCALATION', status: 409 },
  invalidReason: { code: 'INVALID_REASON', status: 422 },
  noteRequired: { code: 'NOTE_REQUIRED', status: 422 },
  notPublished: { code: 'NOT_PUBLISHED', status: 409 },
  notTakenDown: { code: 'NOT_TAKEN_DOWN', status: 409 },
  inviteNotYours: { code: 'INVITE_NOT_YOURS', status: 403 },
  // playback: the viewer may not watch, or the signed link is bad
  notEntitled: { code: 'NOT_ENTITLED', status: 403 },
  playbackTokenInvalid: { code: 'PLAYBACK_TOKEN_INVALID', status: 403 },
  playbackTokenExpired: { code: 'PLAYBACK_TOKEN_EXPIRED', status: 403 },
  // payouts: a decision the workflow is not waiting for (409), a payout method or tax form refused by the rules (422)
  notAwaitingApproval: { code: 'NOT_AWAITING_APPROVAL', status: 409 },
  ownPayout: { code: 'OWN_PAYOUT', status: 409 },
  notUnconfirmed: { code: 'NOT_UNCONFIRMED', status: 409 },
  invalidDestination: { code: 'INVALID_DESTINATION', status: 422 },
  railUnavailable: { code: 'RAIL_UNAVAILABLE', status: 422 },
  methodExists: { code: 'METHOD_EXISTS', status: 409 },
  invalidTaxForm: { code: 'INVALID_TAX_FORM', status: 422 },
  // data subject requests
  dsrAlreadyOpen: { code: 'DSR_ALREADY_OPEN', status: 409 },
  invalidCode: { code: 'INVALID_CODE', status: 422 },
  codeExpired: { code: 'CODE_EXPIRED', status: 410 },
  alreadyVerified: { code: 'ALREADY_VERIFIED', status: 409 },
  archiveNotReady: { code: 'ARCHIVE_NOT_READY', status: 409 },
  downloadExpired: { code: 'DOWNLOAD_EXPIRED', status: 410 },
  unknownPerson: { code: 'UNKNOWN_PERSON', status: 404 },
  agentProofRequired: { code: 'AGENT_PROOF_REQUIRED', status: 422 },
  extensionNotAllowed: { code: 'EXTENSION_NOT_ALLOWED', status: 422 },
  requestClosed: { code: 'REQUEST_CLOSED', status: 409 },
  alreadyReleased: { code: 'ALREADY_RELEASED', status: 409 },
} as const
export type ErrorKind = keyof typeof ERROR_CODES

export class DomainError extends Error {
  constructor(readonly kind: ErrorKind, message: string, readonly details?: unknown) {
    super(message)
    this.name = 'DomainError'
  }
}

type Body = { code: string; message: string; details?: unknown }

function classify(err: unknown): { status: number; body: Body } | null {
  if (err instanceof DomainError) {
    const { code, status } = ERROR_CODES[err.kind]
    return { status, body: { code, message: err.message, details: err.details } }
  }
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    return { status: 400, body: { code: ERROR_CODES.validation.code, message: 'The request is not valid.', details } }
  }
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return { status: 409, body: { code: ERROR_CODES.workflowAlreadyStarted.code, message: `Workflow ${err.workflowId} is already running.` } }
  }
  if (err instanceof WorkflowNotFoundError) {
    return { status: 404, body: { code: ERROR_CODES.notFound.code, message: `Workflow ${err.workflowId} was not found.` } }
  }
  const parse = err as { type?: string; status?: number }
  if (parse.type === 'entity.parse.failed') {
    return { status: 400, body: { code: ERROR_CODES.malformedJson.code, message: 'The request body is not valid JSON.' } }
  }
  return null
}

/** Maps errors once for the whole API; unknown errors are logged and answered with a generic 500. */
export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const known = classify(err)
  const requestId = String(req.id ?? '')
  if (!known) {
    req.log.error({ err }, 'unhandled error')
    res.status(500).json({ error: { code: ERROR_CODES.internal.code, message: 'Something went wrong on our side.', requestId } })
    return
  }
  if (known.status >= 500) req.log.error({ err }, 'request failed')
  res.status(known.status).json({ error: { ...known.body, requestId } })
}

export const routeNotFound: RequestHandler = (req, _res, next) =>
  next(new DomainError('routeNotFound', `No route for ${req.method} ${req.path}.`))
