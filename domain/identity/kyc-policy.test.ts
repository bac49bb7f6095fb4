import assert from 'node:assert/strict'
import {
  DEFAULT_KYC_POLICY, KYC_STATUSES, caseExpiresAt, checkKycTransition, isFinalKycStatus, kycPolicy, reminderTimes, reviewDueAt,
  type KycPolicy, type KycStatus,
} from './kyc-policy.ts'

// Written out independently of KYC_TRANSITIONS, so a change to the table must be made twice on purpose.
const ALLOWED = new Set([
  'awaiting_applicant>in_progress', 'awaiting_applicant>expired',
  'in_progress>approved', 'in_progress>declined', 'in_progress>resubmission_requested', 'in_progress>review',
  'resubmission_requested>in_progress', 'resubmission_requested>expired',
  'review>approved', 'review>declined', 'review>resubmission_requested',
])
const statuses = Object.values(KYC_STATUSES)

describe('KYC case policy', () => {
  for (const from of statuses) {
    for (const to of statuses) {
      const allowed = ALLOWED.has(`${from}>${to}`)
      it(`${from} -> ${to}: ${allowed ? 'allowed' : 'FORBIDDEN_KYC_TRANSITION'}`, () => {
        const check = checkKycTransition(from, to)
        assert.equal(check.ok, allowed)
        if (!check.ok) assert.equal(check.code, 'FORBIDDEN_KYC_TRANSITION')
      })
    }
  }
  it('refuses a status it does not know', () =>
    assert.equal(checkKycTransition('archived' as KycStatus, 'approved').ok, false))
  it('has approved, declined and expired as the only final statuses', () =>
    assert.deepEqual(statuses.filter(isFinalKycStatus), ['approved', 'declined', 'expired']))

  it('defaults to 3 resubmissions, reminders on days 1, 3, 6, expiry after 14 days', () =>
    assert.deepEqual({ ...DEFAULT_KYC_POLICY, reminderDays: [...DEFAULT_KYC_POLICY.reminderDays] }, {
      maxResubmissions: 3, reminderDays: [1, 3, 6], expiryDays: 14, reviewSlaHours: 48, reverificationLeadDays: 30,
      expiredDocument: 'resubmission',
    }))

  const overrides: [name: string, o: Partial<KycPolicy>, ok: boolean][] = [
    ['no override', {}, true], ['no reminders', { reminderDays: [] }, true], ['decline expired documents', { expiredDocument: 'decline' }, true],
    ['no resubmissions', { maxResubmissions: 0 }, true],
    ['reminders out of order', { reminderDays: [3, 1] }, false], ['a repeated reminder', { reminderDays: [1, 1] }, false],
    ['a reminder on the expiry day', { reminderDays: [1, 14] }, false], ['a reminder on day 0', { reminderDays: [0, 2] }, false],
    ['negative resubmissions', { maxResubmissions: -1 }, false], ['fractional expiry', { expiryDays: 1.5 }, false],
    ['an unknown expired-document action', { expiredDocument: 'ignore' as 'decline' }, false],
  ]
  for (const [name, o, ok] of overrides) {
    it(`policy with ${name}: ${ok ? 'accepted' : 'INVALID_KYC_POLICY'}`, () => {
      if (ok) assert.deepEqual(kycPolicy(o).reminderDays, o.reminderDays ?? [1, 3, 6])
      else assert.throws(() => kycPolicy(o), { code: 'INVALID_KYC_POLICY' })
    })
  }

  const since = new Date('2026-01-10T09:30:00Z')
  it('reminds the applicant 1, 3 and 6 days after we started waiting', () =>
    assert.deepEqual(reminderTimes(since, DEFAULT_KYC_POLICY).map((d) => d.toISOString()),
      ['2026-01-11T09:30:00.000Z', '2026-01-13T09:30:00.000Z', '2026-01-16T09:30:00.000Z']))
  it('expires the case 14 days after we started waiting', () =>
    assert.equal(caseExpiresAt(since, DEFAULT_KYC_POLICY).toISOString(), '2026-01-24T09:30:00.000Z'))
  it('wants a review decided within 48 hours', () =>
    assert.equal(reviewDueAt(since, DEFAULT_KYC_POLICY).toISOString(), '2026-01-12T09:30:00.000Z'))
})
