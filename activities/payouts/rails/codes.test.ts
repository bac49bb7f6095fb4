import assert from 'node:assert/strict'
import { PAYOUT_FAILURES, type PayoutFailureCode } from '../rail.ts'
import { failureForReturn } from './ach/codes.ts'
import { failureLookup } from './codes.ts'
import { failureFor as paxumFailureFor } from './paxum/codes.ts'
import { failureFor as wireFailureFor } from './wire/codes.ts'

// names every plain object answers through its prototype
const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']

describe('rail failure tables', () => {
  const lookup = failureLookup<PayoutFailureCode, 'FALLBACK'>({ X1: PAYOUT_FAILURES.invalidAccount }, 'FALLBACK')
  const cases: [code: string | null, expected: PayoutFailureCode | 'FALLBACK'][] = [
    ['X1', PAYOUT_FAILURES.invalidAccount], ['x1', 'FALLBACK'], ['X2', 'FALLBACK'], ['', 'FALLBACK'], [null, 'FALLBACK'],
    ...PROTOTYPE_NAMES.map((name): [string, 'FALLBACK'] => [name, 'FALLBACK']),
  ]
  for (const [code, expected] of cases) {
    it(`failureLookup(${JSON.stringify(code)}) is ${expected}`, () => assert.equal(lookup(code), expected))
  }

  for (const name of PROTOTYPE_NAMES) {
    it(`maps '${name}' to each rail's fallback, not to an Object.prototype member`, () => {
      assert.deepEqual([wireFailureFor(name), failureForReturn(name), paxumFailureFor(name)],
        [PAYOUT_FAILURES.rejected, PAYOUT_FAILURES.rejected, null])
    })
  }

  it('still finds the listed codes', () => {
    assert.deepEqual([wireFailureFor('AC01'), wireFailureFor(null), failureForReturn('R03'), failureForReturn('R02'), paxumFailureFor('51'), paxumFailureFor('ZZ')],
      [PAYOUT_FAILURES.invalidAccount, PAYOUT_FAILURES.rejected, PAYOUT_FAILURES.invalidAccount, PAYOUT_FAILURES.returned, PAYOUT_FAILURES.insufficientFunds, null])
  })
})
