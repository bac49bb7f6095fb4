import assert from 'node:assert/strict'
import { decideFromProviderResult, type KycDecision, type ProviderStatus, type VerifiedPerson } from './kyc-decision.ts'
import { DEFAULT_KYC_POLICY, kycPolicy, type KycPolicy } from './kyc-policy.ts'

const now = new Date('2026-03-01T12:00:00Z')
const adult: VerifiedPerson = {
  fullName: 'JANE MARY SMITH', dateOfBirth: '1995-04-12', document: { type: 'passport', validUntil: '2030-06-30' },
}
const person = (o: Partial<VerifiedPerson>): VerifiedPerson => ({ ...adult, ...o })
const facts = { declaredName: 'Jane Smith', minimumAge: 18, resubmissions: 0 }
const decline = kycPolicy({ expiredDocument: 'decline' })

type Row = [name: string, status: ProviderStatus, p: VerifiedPerson, f: typeof facts, policy: KycPolicy,
  expected: [KycDecision['status'], KycDecision['reason']]]

describe('KYC decision from the provider result', () => {
  const table: Row[] = [
    ['an adult with a valid passport and matching name', 'approved', adult, facts, DEFAULT_KYC_POLICY, ['approved', null]],
    ['a document that never expires', 'approved', person({ document: { type: 'national_id', validUntil: null } }), facts,
      DEFAULT_KYC_POLICY, ['approved', null]],
    ['a minor the provider approved', 'approved', person({ dateOfBirth: '2010-01-01' }), facts, DEFAULT_KYC_POLICY, ['declined', 'UNDERAGE']],
    ['a minor the provider asks to resubmit', 'resubmission_requested', person({ dateOfBirth: '2010-01-01' }), facts,
      DEFAULT_KYC_POLICY, ['declined', 'UNDERAGE']],
    ['a minor the provider sends to review', 'review', person({ dateOfBirth: '2010-01-01' }), facts, DEFAULT_KYC_POLICY,
      ['declined', 'UNDERAGE']],
    ['20 years old where the minimum is 21', 'approved', person({ dateOfBirth: '2005-06-01' }), { ...facts, minimumAge: 21 },
      DEFAULT_KYC_POLICY, ['declined', 'UNDERAGE']],
    ['18 today (counted from UTC-12)', 'approved', person({ dateOfBirth: '2008-03-01' }), facts, DEFAULT_KYC_POLICY, ['approved', null]],
    ['18 tomorrow', 'approved', person({ dateOfBirth: '2008-03-02' }), facts, DEFAULT_KYC_POLICY, ['declined', 'UNDERAGE']],
    ['the provider declines', 'declined', adult, facts, DEFAULT_KYC_POLICY, ['declined', 'PROVIDER_DECLINED']],
    ['the provider asks to resubmit', 'resubmission_requested', adult, facts, DEFAULT_KYC_POLICY,
      ['resubmission_requested', 'PROVIDER_RESUBMISSION']],
    ['the provider asks to resubmit a fourth time', 'resubmission_requested', adult, { ...facts, resubmissions: 3 },
      DEFAULT_KYC_POLICY, ['declined', 'TOO_MANY_RESUBMISSIONS']],
    ['an expired document', 'approved', person({ document: { type: 'passport', validUntil: '2025-12-31' } }), facts,
      DEFAULT_KYC_POLICY, ['resubmission_requested', 'DOCUMENT_EXPIRED']],
    ['an expired document, resubmissions used up', 'approved', person({ document: { type: 'passport', validUntil: '2025-12-31' } }),
      { ...facts, resubmissions: 3 }, DEFAULT_KYC_POLICY, ['declined', 'DOCUMENT_EXPIRED']],
    ['an expired document where policy declines them', 'approved',
      person({ document: { type: 'driving_licence', validUntil: '2025-12-31' } }), facts, decline, ['declined', 'DOCUMENT_EXPIRED']],
    ['an expired document sent to review', 'review', person({ document: { type: 'passport', validUntil: '2025-12-31' } }), facts,
      DEFAULT_KYC_POLICY, ['resubmission_requested', 'DOCUMENT_EXPIRED']],
    ['a document on its last valid day', 'approved', person({ document: { type: 'passport', validUntil: '2026-03-01' } }), facts,
      DEFAULT_KYC_POLICY, ['approved', null]],
    ['no document read', 'approved', person({ document: null }), facts, DEFAULT_KYC_POLICY, ['review', 'UNREADABLE_DOCUMENT']],
    ['an unreadable expiry date', 'approved', person({ document: { type: 'passport', validUntil: '2030-02-30' } }), facts,
      DEFAULT_KYC_POLICY, ['review', 'UNREADABLE_DOCUMENT']],
    ['no date of birth read', 'approved', person({ dateOfBirth: null }), facts, DEFAULT_KYC_POLICY, ['review', 'UNREADABLE_DATE_OF_BIRTH']],
    ['an impossible date of birth', 'approved', person({ dateOfBirth: '1995-02-30' }), facts, DEFAULT_KYC_POLICY,
      ['review', 'UNREADABLE_DATE_OF_BIRTH']],
    ['a date of birth in the future', 'approved', person({ dateOfBirth: '2030-01-01' }), facts, DEFAULT_KYC_POLICY,
      ['review', 'UNREADABLE_DATE_OF_BIRTH']],
    ['a different name', 'approved', person({ fullName: 'JOHN SMITH' }), facts, DEFAULT_KYC_POLICY, ['review', 'NAME_MISMATCH']],
    ['no name read', 'approved', person({ fullName: null }), facts, DEFAULT_KYC_POLICY, ['review', 'NAME_MISMATCH']],
    ['the provider sends an otherwise clean case to review', 'review', adult, facts, DEFAULT_KYC_POLICY, ['review', 'PROVIDER_REVIEW']],
    ['the provider declines a name mismatch', 'declined', person({ fullName: 'JOHN SMITH' }), facts, DEFAULT_KYC_POLICY,
      ['declined', 'PROVIDER_DECLINED']],
  ]
  for (const [name, status, p, f, policy, [expectedStatus, reason]] of table) {
    it(`${name} -> ${expectedStatus}${reason ? ` (${reason})` : ''}`, () => {
      const d = decideFromProviderResult({ providerStatus: status, person: p, facts: f, policy, now })
      assert.deepEqual([d.status, d.reason], [expectedStatus, reason])
      assert.equal(d.reviewDueAt !== null, expectedStatus === 'review')
      if (expectedStatus !== 'approved') assert.equal(d.reverifyAt, null)
    })
  }

  it('asks for a new document 30 days before the one approved expires', () => {
    const d = decideFromProviderResult({ providerStatus: 'approved', person: adult, facts, policy: DEFAULT_KYC_POLICY, now })
    assert.equal(d.reverifyAt?.toISOString(), '2030-05-31T00:00:00.000Z')
  })
  it('gives a review the SLA from now', () => {
    const d = decideFromProviderResult({ providerStatus: 'review', person: adult, facts, policy: DEFAULT_KYC_POLICY, now })
    assert.equal(d.reviewDueAt?.toISOString(), '2026-03-03T12:00:00.000Z')
  })
})
