import assert from 'node:assert/strict'
import { KYC_REASONS, KYC_STATUSES, LIVENESS_RESULTS, MEDIA_KINDS, type KycStatus } from '../provider.ts'
import { livenessFor, mediaKindFor, reasonFor } from './codes.ts'

describe('veriff codes', () => {
  const reasons: [KycStatus, number | null, string | null][] = [
    [KYC_STATUSES.approved, null, null],
    [KYC_STATUSES.approved, 102, null],
    [KYC_STATUSES.declined, 102, KYC_REASONS.documentFraud],
    [KYC_STATUSES.declined, 103, KYC_REASONS.faceMismatch],
    [KYC_STATUSES.declined, 110, KYC_REASONS.duplicateIdentity],
    [KYC_STATUSES.declined, 112, KYC_REASONS.restrictedLocation],
    [KYC_STATUSES.declined, 999, KYC_REASONS.other],
    [KYC_STATUSES.declined, null, null],
    [KYC_STATUSES.resubmissionRequested, 204, KYC_REASONS.poorCapture],
    [KYC_STATUSES.resubmissionRequested, 206, KYC_REASONS.documentNotSupported],
    [KYC_STATUSES.resubmissionRequested, 207, KYC_REASONS.documentExpired],
  ]
  for (const [status, code, expected] of reasons) {
    it(`maps ${status} with reason code ${code} to ${expected}`, () => assert.equal(reasonFor(status, code), expected))
  }

  const contexts: [string, boolean, string][] = [
    ['document-front', false, MEDIA_KINDS.documentFront],
    ['document-front-pre', false, MEDIA_KINDS.documentFront],
    ['document-back', false, MEDIA_KINDS.documentBack],
    ['face-pre', false, MEDIA_KINDS.face],
    ['face', false, MEDIA_KINDS.face],
    ['document-and-face', false, MEDIA_KINDS.other],
    ['face-cropped', false, MEDIA_KINDS.other],
    ['selfid_video', true, MEDIA_KINDS.video],
  ]
  for (const [context, isVideo, kind] of contexts) {
    it(`files media context ${context} as ${kind}`, () => assert.equal(mediaKindFor(context, isVideo), kind))
  }

  const insights: [string, Parameters<typeof livenessFor>[0], string][] = [
    ['no insights', undefined, LIVENESS_RESULTS.notReported],
    ['insights without liveness', [{ label: 'documentIntegrity', result: 'green' }], LIVENESS_RESULTS.notReported],
    ['a green liveness insight', [{ label: 'faceLiveness', result: 'green' }], LIVENESS_RESULTS.passed],
    ['a red liveness insight', [{ label: 'faceLiveness', result: 'RED' }], LIVENESS_RESULTS.failed],
    ['a yellow liveness insight', [{ label: 'faceLiveness', result: 'yellow' }], LIVENESS_RESULTS.inconclusive],
    ['an unknown result', [{ label: 'faceLiveness', result: 'blue' }], LIVENESS_RESULTS.inconclusive],
  ]
  for (const [what, given, expected] of insights) {
    it(`reads ${what} as liveness ${expected}`, () => assert.equal(livenessFor(given), expected))
  }
})
