import assert from 'node:assert/strict'
import { AGE_RULES } from './age-rules.ts'
import { resolveAgePolicy, type AgePolicy } from './age-policy.ts'
import { assertCountry, assertRegion } from './jurisdictions.ts'

type Expected = [minimumAge: number, assurance: AgePolicy['assurance'], ruleId: string]
const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)

describe('age policy', () => {
  const cases: [country: string, region: string | undefined, when: string, expected: Expected][] = [
    ['NL', undefined, '2026-01-01', [18, 'self_declaration', 'default-18']],
    ['GB', undefined, '2025-07-24', [18, 'self_declaration', 'default-18']],
    ['GB', undefined, '2025-07-25', [18, 'verified_age', 'gb-av-osa']],
    ['GB', 'GB-SCT', '2026-01-01', [18, 'verified_age', 'gb-av-osa']],
    // a rule starts when its date first begins anywhere (UTC+14): 10:00Z the day before
    ['GB', undefined, '2025-07-24T09:59:59Z', [18, 'self_declaration', 'default-18']],
    ['GB', undefined, '2025-07-24T10:00:00Z', [18, 'verified_age', 'gb-av-osa']],
    ['FR', undefined, '2025-01-11', [18, 'verified_age', 'fr-av-sren']],
    ['FR', undefined, '2025-01-09', [18, 'self_declaration', 'default-18']],
    ['DE', undefined, '2020-01-01', [18, 'verified_age', 'de-av-jmstv']],
    ['IT', undefined, '2025-11-12', [18, 'verified_age', 'it-av-caivano']],
    ['AU', 'AU-VIC', '2026-03-09', [18, 'verified_age', 'au-av-osa-codes']],
    ['AU', undefined, '2026-03-07', [18, 'self_declaration', 'default-18']],
    ['US', 'US-TX', '2023-08-30', [18, 'self_declaration', 'default-18']],
    ['US', 'US-TX', '2023-09-01', [18, 'verified_age', 'us-tx-av-hb1181']],
    ['US', 'TX', '2026-01-01', [18, 'verified_age', 'us-tx-av-hb1181']],
    ['US', 'US-CA', '2026-01-01', [18, 'self_declaration', 'default-18']],
    ['US', 'US-MS', '2023-06-29', [21, 'self_declaration', 'us-ms-majority-21']],
    ['US', 'US-MS', '2023-07-01', [21, 'verified_age', 'us-ms-majority-21+us-ms-av-sb2346']],
    ['US', 'US-AL', '2024-10-01', [19, 'verified_age', 'us-al-majority-19+us-al-av-hb164']],
    ['US', 'US-NE', '2024-07-01', [19, 'self_declaration', 'us-ne-majority-19']],
    ['US', 'US-MO', '2025-11-29', [18, 'self_declaration', 'default-18']],
    ['US', 'US-MO', '2025-11-30', [18, 'verified_age', 'us-mo-av-15csr60-18']],
    ['US', 'US-PR', '2026-01-01', [21, 'self_declaration', 'us-pr-majority-21']],
    ['PR', undefined, '2026-01-01', [21, 'self_declaration', 'pr-majority-21']],
    // no region in a country whose rules differ by region: the strictest of its regions
    ['US', undefined, '2022-06-01', [21, 'self_declaration', 'US:strictest-region:us-ms-majority-21']],
    ['US', undefined, '2026-01-01', [21, 'verified_age', 'US:strictest-region:us-ms-majority-21+us-al-av-hb164']],
    ['CA', undefined, '2026-01-01', [19, 'self_declaration', 'CA:strictest-region:ca-bc-majority-19']],
    ['CA', 'CA-QC', '2026-01-01', [18, 'self_declaration', 'default-18']],
    ['CA', 'CA-BC', '2026-01-01', [19, 'self_declaration', 'ca-bc-majority-19']],
    ['JP', undefined, '2022-03-31', [20, 'self_declaration', 'jp-majority-20']],
    ['JP', undefined, '2022-04-01', [18, 'self_declaration', 'jp-majority-18']],
    ['KR', undefined, '2026-01-01', [19, 'self_declaration', 'kr-majority-19']],
    ['IR', undefined, '2026-01-01', [18, 'blocked', 'ir-sanctions']],
    ['SY', undefined, '2025-06-29', [18, 'blocked', 'sy-sanctions']],
    ['SY', undefined, '2025-07-01', [18, 'self_declaration', 'sy-sanctions-lifted']],
    ['UA', 'UA-43', '2026-01-01', [18, 'blocked', 'ua-43-sanctions']],
    ['UA', 'UA-30', '2026-01-01', [18, 'self_declaration', 'default-18']],
    // a regional block needs a known region; the rest of Ukraine is served
    ['UA', undefined, '2026-01-01', [18, 'self_declaration', 'UA:strictest-region:default-18']],
  ]
  for (const [country, region, when, [minimumAge, assurance, ruleId]] of cases) {
    it(`${region ?? country} on ${when}: ${minimumAge}+, ${assurance}`, () => {
      const policy = resolveAgePolicy({ country, region, at: at(when) })
      assert.deepEqual({ minimumAge: policy.minimumAge, assurance: policy.assurance, ruleId: policy.ruleId },
        { minimumAge, assurance, ruleId })
      assert.ok(policy.source.length > 0)
    })
  }

  it('names every source it used', () => {
    const { source } = resolveAgePolicy({ country: 'US', region: 'US-MS', at: at('2026-01-01') })
    assert.match(source, /§ 1-3-27/)
    assert.match(source, /SB 2346/)
  })

  const refusals: [query: Parameters<typeof resolveAgePolicy>[0], code: string][] = [
    [{ country: 'XX', at: at('2026-01-01') }, 'UNKNOWN_COUNTRY'],
    [{ country: 'UK', at: at('2026-01-01') }, 'UNKNOWN_COUNTRY'],
    [{ country: 'US', region: 'US-XX', at: at('2026-01-01') }, 'UNKNOWN_REGION'],
    [{ country: 'US', region: 'CA-ON', at: at('2026-01-01') }, 'UNKNOWN_REGION'],
    [{ country: 'US', region: '', at: at('2026-01-01') }, 'UNKNOWN_REGION'],
    [{ country: 'US', region: 'US-TX', at: new Date('not a date') }, 'INVALID_DATE'],
  ]
  for (const [query, code] of refusals) {
    it(`${JSON.stringify(query)} -> ${code}`, () => assert.throws(() => resolveAgePolicy(query), { name: 'IdentityError', code }))
  }

  it('has only rows for places we know, with unique ids, real dates and a source', () => {
    assert.equal(new Set(AGE_RULES.map((r) => r.id)).size, AGE_RULES.length)
    for (const r of AGE_RULES) {
      const [country = '', region] = r.place.split(/-(.+)/)
      assert.doesNotThrow(() => (region ? assertRegion(assertCountry(country), r.place) : assertCountry(country)), r.id)
      assert.ok(r.source.length > 5 && (r.minimumAge !== undefined || r.assurance !== undefined), r.id)
      assert.ok(r.minimumAge === undefined || r.minimumAge >= 18, r.id)
    }
  })

  it('requires verification in the 25 US states with adult-site age-verification laws, from 2026', () => {
    const verified = AGE_RULES.filter((r) => r.place.startsWith('US-') && r.assurance === 'verified_age').map((r) => r.place)
    assert.equal(verified.length, 25)
    for (const region of verified) {
      assert.equal(resolveAgePolicy({ country: 'US', region, at: at('2026-01-01') }).assurance, 'verified_age', region)
      assert.equal(resolveAgePolicy({ country: 'US', region, at: at('2022-06-01') }).assurance, 'self_declaration', region)
    }
  })
})
