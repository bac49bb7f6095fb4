import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { CRYPTO_FAILURES } from './codes.ts'
import { isPaymentId, paymentIdFor, toTokenUnits } from './amounts.ts'

describe('crypto amounts', () => {
  const exact: [number, number, bigint][] = [
    [1, 6, 10_000n],
    [999, 6, 9_990_000n],
    [100_000, 6, 1_000_000_000n],
    [Number.MAX_SAFE_INTEGER, 6, 90_071_992_547_409_910_000n],
    [999, 18, 9_990_000_000_000_000_000n],
    [999, 2, 999n],
  ]
  for (const [cents, decimals, units] of exact) {
    it(`${cents} cents is ${units} units of a ${decimals}-decimal token`, () => assert.equal(toTokenUnits(cents, 'USD', decimals), units))
  }

  const refused: [string, number, string, string][] = [
    ['euros', 999, 'EUR', CRYPTO_FAILURES.unsupportedCurrency],
    ['USDC as a price currency', 9_990_000, 'USDC', CRYPTO_FAILURES.unsupportedCurrency],
    ['lower-case usd', 999, 'usd', CRYPTO_FAILURES.unsupportedCurrency],
    ['zero', 0, 'USD', CRYPTO_FAILURES.invalidAmount],
    ['a negative amount', -5, 'USD', CRYPTO_FAILURES.invalidAmount],
    ['a fraction of a cent', 9.5, 'USD', CRYPTO_FAILURES.invalidAmount],
  ]
  for (const [label, amount, currency, code] of refused) {
    it(`refuses ${label} for good (${code})`, () => {
      assert.throws(() => toTokenUnits(amount, currency, 6), (err) => err instanceof ApplicationFailure && err.nonRetryable && err.type === code)
    })
  }

  it('refuses a token too coarse for cents', () => assert.throws(() => toTokenUnits(999, 'USD', 0), /cannot hold cents/))

  it('maps idempotency keys to distinct, stable 32-byte ids', () => {
    const id = paymentIdFor('ppv:fan-1:post-1:charge')
    assert.equal(id, paymentIdFor('ppv:fan-1:post-1:charge'))
    assert.notEqual(id, paymentIdFor('ppv:fan-1:post-2:charge'))
    assert.ok(isPaymentId(id))
    for (const bad of ['', '0x', '12345', `0x${'zz'.repeat(32)}`, id.slice(0, 64), `${id}00`]) assert.equal(isPaymentId(bad), false, bad)
  })
})
