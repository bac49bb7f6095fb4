import assert from 'node:assert/strict'
import {
  add, allocate, assertPurchaseAmount, convert, CURRENCIES, decimalText, formatMoney, isCurrency, money, MONEY_ERRORS, mulDiv,
  parseDecimal, percentOf, subtract, type ExchangeRate, type MoneyErrorCode, type Rounding,
} from './money.ts'

const code = (c: MoneyErrorCode) => ({ name: 'MoneyError', code: c })

describe('money', () => {
  it('knows the currencies and their exponents', () => {
    assert.deepEqual(Object.keys(CURRENCIES), ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'USDC'])
    assert.equal(CURRENCIES.JPY.exponent, 0)
    assert.equal(CURRENCIES.USDC.exponent, 6)
    for (const x of ['USD', 'USDC', 'JPY']) assert.equal(isCurrency(x), true)
    for (const x of ['usd', 'BTC', '', 'toString', 'hasOwnProperty', 1, null]) assert.equal(isCurrency(x), false)
  })

  const constructorCases: [amount: number, currency: string, error: MoneyErrorCode | null][] = [
    [0, 'USD', null], [-5, 'EUR', null], [Number.MAX_SAFE_INTEGER, 'USDC', null],
    [1.5, 'USD', 'NOT_INTEGER'], [Number.NaN, 'USD', 'NOT_INTEGER'], [Infinity, 'USD', 'NOT_INTEGER'],
    [2 ** 53, 'USD', 'UNSAFE'], [-(2 ** 53), 'USD', 'UNSAFE'], [100, 'XYZ', 'UNKNOWN_CURRENCY'],
  ]
  for (const [amount, currency, error] of constructorCases) {
    it(`money(${amount}, ${currency}) ${error ?? 'is valid'}`, () => {
      if (error === null) assert.deepEqual(money(amount, currency), { amount, currency })
      else assert.throws(() => money(amount, currency), code(error))
    })
  }

  it('adds and subtracts only within one currency and within the safe range', () => {
    assert.deepEqual(add(money(150, 'USD'), money(-50, 'USD')), money(100, 'USD'))
    assert.deepEqual(subtract(money(150, 'USD'), money(200, 'USD')), money(-50, 'USD'))
    assert.throws(() => add(money(1, 'USD'), money(1, 'EUR')), code(MONEY_ERRORS.CURRENCY_MISMATCH))
    assert.throws(() => subtract(money(1, 'JPY'), money(1, 'USD')), code(MONEY_ERRORS.CURRENCY_MISMATCH))
    assert.throws(() => add(money(Number.MAX_SAFE_INTEGER, 'USD'), money(1, 'USD')), code(MONEY_ERRORS.UNSAFE))
    assert.throws(() => add({ amount: 0.1, currency: 'USD' }, money(1, 'USD')), code(MONEY_ERRORS.NOT_INTEGER))
  })

  const allocateCases: [total: number, weights: number[], parts: number[]][] = [
    [100, [1, 1, 1], [34, 33, 33]],
    [101, [1, 1, 1], [34, 34, 33]],
    [5, [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0]],
    [10, [3, 7], [3, 7]],
    [1, [1, 1], [1, 0]],
    [1, [1, 3], [0, 1]],
    [100, [0, 1, 0], [0, 100, 0]],
    [0, [2, 5], [0, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [1000, [8000, 1500, 500], [800, 150, 50]],
    [7, [2, 3, 2], [2, 3, 2]],
    [8, [2, 3, 2], [2, 4, 2]], // remainders 2/7, 3/7, 2/7: the largest wins
    [9, [2, 3, 2], [3, 4, 2]], // remainders 4/7, 6/7, 4/7: the middle, then the lower index of the tie
    [Number.MAX_SAFE_INTEGER, [1, 1], [4503599627370496, 4503599627370495]],
  ]
  for (const [total, weights, parts] of allocateCases) {
    it(`allocates ${total} by [${weights}] into [${parts}]`, () => {
      const got = allocate(total, weights)
      assert.deepEqual(got, parts)
      assert.equal(got.reduce((s, p) => s + p, 0), total)
    })
  }

  it('refuses bad weights', () => {
    for (const w of [[], [0, 0], [-1, 2], [1.5]]) assert.throws(() => allocate(10, w), code('INVALID_WEIGHTS'))
    assert.throws(() => allocate(1.2, [1]), code('NOT_INTEGER'))
  })

  const percentCases: [amount: number, bps: number, mode: Rounding, expected: number][] = [
    [1000, 2500, 'floor', 250], [1000, 5, 'floor', 0], [1000, 5, 'half-even', 0], [1000, 15, 'half-even', 2],
    [1000, 25, 'half-even', 2], [1000, 35, 'half-even', 4], [999, 8000, 'floor', 799], [999, 8000, 'half-even', 799],
    [833, 8000, 'half-even', 666], [1, 5000, 'half-even', 0], [3, 5000, 'half-even', 2], [3, 5000, 'floor', 1],
    [-1000, 15, 'half-even', -2], [-1000, 15, 'floor', -2], [-1000, 5, 'floor', -1], [1234, 10_000, 'floor', 1234],
    [1234, 0, 'half-even', 0], [Number.MAX_SAFE_INTEGER, 10_000, 'half-even', Number.MAX_SAFE_INTEGER],
  ]
  for (const [amount, bps, mode, expected] of percentCases) {
    it(`percentOf(${amount}, ${bps} bps, ${mode}) = ${expected}`, () => assert.equal(percentOf(amount, bps, mode), expected))
  }

  it('refuses bps outside 0..10000 and a non-positive divisor', () => {
    for (const bps of [-1, 10_001, 1.5]) assert.throws(() => percentOf(100, bps, 'floor'), code('INVALID_BPS'))
    assert.throws(() => mulDiv(1, 1, 0, 'floor'), code('INVALID_RATE'))
    assert.equal(mulDiv(Number.MAX_SAFE_INTEGER, 3, 3, 'floor'), Number.MAX_SAFE_INTEGER) // exact, no float overflow
  })

  const decimalCases: [text: string, currency: string, minor: number, formatted: string][] = [
    ['12.34', 'USD', 1234, '12.34 USD'], ['12.3', 'EUR', 1230, '12.30 EUR'], ['12', 'GBP', 1200, '12.00 GBP'],
    ['0.01', 'CAD', 1, '0.01 CAD'], ['0', 'AUD', 0, '0.00 AUD'], ['-0.05', 'USD', -5, '-0.05 USD'],
    ['1500', 'JPY', 1500, '1500 JPY'], ['1.000001', 'USDC', 1_000_001, '1.000001 USDC'],
    ['0.5', 'USDC', 500_000, '0.500000 USDC'], ['007.10', 'USD', 710, '7.10 USD'],
  ]
  for (const [text, currency, minor, formatted] of decimalCases) {
    it(`parses '${text}' ${currency} as ${minor} and formats it as '${formatted}'`, () => {
      assert.equal(parseDecimal(text, currency), minor)
      assert.equal(formatMoney(money(minor, currency)), formatted)
      assert.equal(parseDecimal(formatted.split(' ')[0] ?? '', currency), minor)
    })
  }

  const decimalTextCases: [minor: number, currency: string, text: string][] = [
    [1234, 'USD', '12.34'], [5, 'EUR', '0.05'], [-5, 'USD', '-0.05'], [0, 'GBP', '0.00'], [100, 'CAD', '1.00'],
    [1500, 'JPY', '1500'], [0, 'JPY', '0'], [-7, 'JPY', '-7'], [1_000_001, 'USDC', '1.000001'], [1, 'USDC', '0.000001'],
    [250_075, 'AUD', '2500.75'], [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ]
  for (const [minor, currency, text] of decimalTextCases) {
    it(`decimalText(${minor} ${currency}) = '${text}', formatMoney adds the currency`, () => {
      assert.equal(decimalText(money(minor, currency)), text)
      assert.equal(formatMoney(money(minor, currency)), `${text} ${currency}`)
      assert.equal(parseDecimal(text, currency), minor)
    })
  }

  it('decimalText refuses what formatMoney refuses', () => {
    assert.throws(() => decimalText({ amount: 1.5, currency: 'USD' }), code('NOT_INTEGER'))
    assert.throws(() => decimalText({ amount: 1, currency: 'XYZ' } as unknown as Parameters<typeof decimalText>[0]), code('UNKNOWN_CURRENCY'))
  })

  const badDecimals: [text: string, currency: string, error: MoneyErrorCode][] = [
    ['12.345', 'USD', 'TOO_PRECISE'], ['12.0', 'JPY', 'TOO_PRECISE'], ['1.0000001', 'USDC', 'TOO_PRECISE'],
    ['', 'USD', 'INVALID_DECIMAL'], ['.5', 'USD', 'INVALID_DECIMAL'], ['5.', 'USD', 'INVALID_DECIMAL'],
    ['+5', 'USD', 'INVALID_DECIMAL'], ['1e3', 'USD', 'INVALID_DECIMAL'], ['1,000.00', 'USD', 'INVALID_DECIMAL'],
    [' 1', 'USD', 'INVALID_DECIMAL'], ['12.34', 'usd', 'UNKNOWN_CURRENCY'], ['99999999999999.99', 'USD', 'UNSAFE'],
  ]
  for (const [text, currency, error] of badDecimals) {
    it(`refuses '${text}' ${currency} with ${error}`, () => assert.throws(() => parseDecimal(text, currency), code(error)))
  }

  const convertCases: [amount: number, from: string, to: string, rate: ExchangeRate | string, expected: number][] = [
    [1000, 'USD', 'EUR', '0.92', 920],
    [1000, 'USD', 'JPY', '151.235', 1512], // 1512.35 yen
    [1234, 'JPY', 'USD', { numerator: 1, denominator: 150 }, 823], // 822.67 cents
    [1234, 'USD', 'USDC', '1', 12_340_000],
    [1_005_000, 'USDC', 'USD', '1', 100], // 100.5 cents: half-even goes down to 100
    [1_015_000, 'USDC', 'USD', '1', 102], // 101.5 cents: half-even goes up to 102
    [-1000, 'EUR', 'GBP', '0.8555', -856], // -855.5: half-even to -856
    [0, 'EUR', 'USD', '1.1', 0],
  ]
  for (const [amount, from, to, rate, expected] of convertCases) {
    it(`converts ${amount} ${from} to ${expected} ${to} at ${JSON.stringify(rate)}`, () => {
      const got = convert(amount, from, to, rate)
      assert.equal(got.amount, expected)
      assert.equal(got.currency, to)
      const { numerator, denominator } = got.rate
      assert.equal(typeof rate === 'string' ? Number(rate) : rate.numerator / rate.denominator, numerator / denominator)
    })
  }

  it('records a decimal rate as an exact fraction and refuses bad rates', () => {
    assert.deepEqual(convert(100, 'USD', 'EUR', '0.9215').rate, { numerator: 9215, denominator: 10_000 })
    for (const rate of ['0', '0.000', '-1', '1e2', 'abc', { numerator: 1, denominator: 0 }, { numerator: -1, denominator: 2 },
      { numerator: 1.5, denominator: 2 }]) {
      assert.throws(() => convert(100, 'USD', 'EUR', rate), code('INVALID_RATE'))
    }
    assert.throws(() => convert(100, 'USD', 'XXX', '1'), code('UNKNOWN_CURRENCY'))
  })

  const purchaseCases: [amount: number, currency: string, error: MoneyErrorCode | null][] = [
    [100, 'USD', null], [100_000, 'EUR', null], [99, 'USD', 'UNDER_LIMIT'], [100_001, 'GBP', 'OVER_LIMIT'],
    [0, 'USD', 'ZERO'], [-100, 'USD', 'NEGATIVE'], [100, 'JPY', null], [99, 'JPY', 'UNDER_LIMIT'],
    [150_000, 'JPY', null], [150_001, 'JPY', 'OVER_LIMIT'], [1_000_000, 'USDC', null], [999_999, 'USDC', 'UNDER_LIMIT'],
    [1_000_000_000, 'USDC', null], [1_000_000_001, 'USDC', 'OVER_LIMIT'], [100.5, 'USD', 'NOT_INTEGER'],
  ]
  for (const [amount, currency, error] of purchaseCases) {
    it(`purchase of ${amount} ${currency} ${error ?? 'is allowed'}`, () => {
      const m = { amount, currency } as Parameters<typeof assertPurchaseAmount>[0]
      if (error === null) assert.deepEqual(assertPurchaseAmount(m), m)
      else assert.throws(() => assertPurchaseAmount(m), code(error))
    })
  }
})
