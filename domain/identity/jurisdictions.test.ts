import assert from 'node:assert/strict'
import { COUNTRIES, REGIONS, assertCountry, assertRegion } from './jurisdictions.ts'

describe('jurisdictions', () => {
  it('holds the 249 ISO 3166-1 codes and Kosovo', () => {
    assert.equal(COUNTRIES.size, 250)
    for (const code of COUNTRIES) assert.match(code, /^[A-Z]{2}$/)
  })
  it('lists every US state, DC and the six outlying areas', () => assert.equal(REGIONS.US?.size, 57))

  const countries: [input: string, expected: string][] = [
    ['GB', 'GB'], ['gb', 'GB'], [' us ', 'US'], ['XK', 'XK'], ['AQ', 'AQ'], ['PR', 'PR'],
    ['UK', 'UNKNOWN_COUNTRY'], ['XX', 'UNKNOWN_COUNTRY'], ['', 'UNKNOWN_COUNTRY'], ['USA', 'UNKNOWN_COUNTRY'],
    ['EU', 'UNKNOWN_COUNTRY'], ['AN', 'UNKNOWN_COUNTRY'],
  ]
  for (const [input, expected] of countries) {
    it(`country '${input}' -> ${expected}`, () => {
      if (expected.startsWith('UNKNOWN')) assert.throws(() => assertCountry(input), { code: expected })
      else assert.equal(assertCountry(input), expected)
    })
  }

  const regions: [country: string, region: string, expected: string][] = [
    ['US', 'US-TX', 'US-TX'], ['US', 'tx', 'US-TX'], ['US', 'US-DC', 'US-DC'], ['US', 'PR', 'US-PR'],
    ['CA', 'CA-QC', 'CA-QC'], ['GB', 'GB-SCT', 'GB-SCT'], ['UA', '43', 'UA-43'], ['AU', 'NSW', 'AU-NSW'],
    ['FR', 'FR-75', 'FR-75'], ['DE', 'BY', 'DE-BY'],
    ['US', 'US-ZZ', 'UNKNOWN_REGION'], ['US', 'CA-ON', 'UNKNOWN_REGION'], ['CA', 'US-TX', 'UNKNOWN_REGION'],
    ['GB', 'GB-LND', 'UNKNOWN_REGION'], ['FR', 'DE-BY', 'UNKNOWN_REGION'], ['FR', 'FR-TOOLONG', 'UNKNOWN_REGION'],
    ['US', '', 'UNKNOWN_REGION'],
  ]
  for (const [country, region, expected] of regions) {
    it(`region '${region}' of ${country} -> ${expected}`, () => {
      if (expected === 'UNKNOWN_REGION') assert.throws(() => assertRegion(country, region), { code: expected })
      else assert.equal(assertRegion(country, region), expected)
    })
  }
})
