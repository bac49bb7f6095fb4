import assert from 'node:assert/strict'
import { zeroAddress } from 'viem'
import { parsePayee, payableProblem, toMinorUnits, toTokenUnits, unitsPerMinor } from './amounts.ts'

const TREASURY = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const CREATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'

describe('crypto payout amounts and addresses', () => {
  const scales: [string, number, bigint | RegExp][] = [
    ['USD', 6, 10_000n], ['USD', 18, 10n ** 16n], ['USD', 2, 1n], ['EUR', 6, 10_000n], ['JPY', 6, 1_000_000n],
    ['USD', 1, /cannot hold USD minor units/], ['XYZ', 6, /no minor units/],
  ]
  for (const [currency, decimals, expected] of scales) {
    it(`one ${currency} minor unit in a ${decimals}-decimal token: ${String(expected)}`, () => {
      if (expected instanceof RegExp) assert.throws(() => unitsPerMinor(currency, decimals), expected)
      else assert.equal(unitsPerMinor(currency, decimals), expected)
    })
  }

  const conversions: [number, bigint, bigint][] = [
    [1, 10_000n, 10_000n], [12_345, 10_000n, 123_450_000n], [Number.MAX_SAFE_INTEGER, 10_000n, 90_071_992_547_409_910_000n], [999, 1n, 999n],
  ]
  for (const [minor, scale, units] of conversions) {
    it(`${minor} minor units <-> ${units} base units, exactly`, () => {
      assert.equal(toTokenUnits(minor, scale), units)
      assert.equal(toMinorUnits(units, scale), minor)
    })
  }

  it('gives no minor units for base units that are not a whole number of them, or too many for a safe integer', () => {
    assert.deepEqual([toMinorUnits(10_001n, 10_000n), toMinorUnits(BigInt(Number.MAX_SAFE_INTEGER) * 10_000n + 10_000n, 10_000n)], [null, null])
  })

  const payable: [number, string, RegExp | null][] = [
    [12_345, 'USD', null], [1, 'USD', null], [12_345, 'EUR', /pegged to USD/], [12_345, 'usd', /pegged to USD/], [0, 'USD', /positive whole/],
    [-5, 'USD', /positive whole/], [1.5, 'USD', /positive whole/], [Number.MAX_SAFE_INTEGER + 1, 'USD', /positive whole/], [Number.NaN, 'USD', /positive whole/],
  ]
  for (const [amount, currency, problem] of payable) {
    it(`${amount} ${currency} to a USD stablecoin: ${problem ? 'refused' : 'payable'}`, () => {
      const found = payableProblem(amount, currency, 'USD')
      if (problem) assert.match(found ?? '', problem)
      else assert.equal(found, null)
    })
  }

  const payees: [string, string | RegExp][] = [
    [CREATOR, CREATOR], [CREATOR.toLowerCase(), CREATOR], [`0x${CREATOR.slice(2).toUpperCase()}`, CREATOR],
    [CREATOR.replace('C44', 'c44'), /checksum/], [CREATOR.slice(0, -1), /40 hexadecimal/], [`${CREATOR}0`, /40 hexadecimal/],
    [` ${CREATOR}`, /40 hexadecimal/], ['', /40 hexadecimal/], [zeroAddress, /zero address/], [TREASURY.toLowerCase(), /treasury/],
  ]
  for (const [address, expected] of payees) {
    it(`payee '${address}': ${String(expected)}`, () => {
      const result = parsePayee(address, TREASURY)
      if (expected instanceof RegExp) assert.match('problem' in result ? result.problem : '', expected)
      else assert.deepEqual(result, { address: expected })
    })
  }
})
