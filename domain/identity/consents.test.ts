import assert from 'node:assert/strict'
import { CURRENT_CONSENT_VERSIONS, consentSchema, missingConsents, optionalConsents, requiredConsents, type Consent } from './consents.ts'

const current = (kind: Consent['kind']): Consent => ({ kind, version: CURRENT_CONSENT_VERSIONS[kind] })

describe('consents', () => {
  it('a fan must accept the terms, the privacy notice and attest their age', () =>
    assert.deepEqual(requiredConsents('fan').map((c) => c.kind), ['terms', 'privacy', 'age_attestation']))
  it('a creator must also sign the model release', () =>
    assert.deepEqual(requiredConsents('creator').map((c) => c.kind), ['terms', 'privacy', 'age_attestation', 'model_release']))
  it('marketing email is never required, only offered', () => {
    for (const persona of ['fan', 'creator'] as const) {
      assert.ok(!requiredConsents(persona).some((c) => c.kind === 'marketing_email'))
      assert.ok(optionalConsents(persona).some((c) => c.kind === 'marketing_email'))
    }
  })
  it('asks for the current version of each text', () => {
    for (const c of requiredConsents('creator')) assert.equal(c.version, CURRENT_CONSENT_VERSIONS[c.kind])
  })

  const cases: [name: string, persona: 'fan' | 'creator', given: Consent[], missing: string[]][] = [
    ['a complete fan signup', 'fan', [current('terms'), current('privacy'), current('age_attestation')], []],
    ['a fan who also opts into marketing', 'fan', [current('terms'), current('privacy'), current('age_attestation'),
      current('marketing_email')], []],
    ['a fan without the age attestation', 'fan', [current('terms'), current('privacy')], ['age_attestation']],
    ['a fan who accepted old terms', 'fan', [{ kind: 'terms', version: '2020-01-01' }, current('privacy'), current('age_attestation')],
      ['terms']],
    ['a creator without the model release', 'creator', [current('terms'), current('privacy'), current('age_attestation')],
      ['model_release']],
    ['nothing at all', 'creator', [], ['terms', 'privacy', 'age_attestation', 'model_release']],
  ]
  for (const [name, persona, given, missing] of cases) {
    it(`${name}: missing ${missing.join(', ') || 'nothing'}`, () =>
      assert.deepEqual(missingConsents(persona, given).map((c) => c.kind), missing))
  }
  it('validates a consent record', () => {
    assert.ok(consentSchema.safeParse(current('terms')).success)
    assert.equal(consentSchema.safeParse({ kind: 'cookies', version: '1' }).success, false)
    assert.equal(consentSchema.safeParse({ kind: 'terms', version: '' }).success, false)
  })
})
