import assert from 'node:assert/strict'
import { isKnownJurisdiction, taxRateBps } from './tax.ts'

describe('tax rates by jurisdiction', () => {
  const table: [string, number][] = [['DE', 1900], ['de', 1900], ['US-TX', 625], ['US-OR', 0], ['US', 0], ['GB', 2000], ['ZZ', 0], ['FR-75', 2000]]
  for (const [j, bps] of table) it(`${j} -> ${bps} bps`, () => assert.equal(taxRateBps(j), bps))
  it('knows listed countries and their regions only', () => {
    assert.deepEqual(['DE', 'US-CA', 'ZZ', 'Germany', '', 'US-'].map(isKnownJurisdiction), [true, true, false, false, false, false])
  })
})
