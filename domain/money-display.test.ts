import assert from 'node:assert/strict'
import { formatMinor } from './money-display.ts'

describe('formatMinor', () => {
  const table: [number, string, string][] = [[499, 'USD', '$4.99'], [1200, 'JPY', '¥1,200'], [5, 'EUR', '€0.05'], [1_500_000, 'USDC', '1.500000 USDC'], [7, 'XYZ', '7 XYZ (minor units)']]
  for (const [amount, currency, text] of table) it(`${amount} ${currency} -> ${text}`, () => assert.equal(formatMinor(amount, currency), text))
})
