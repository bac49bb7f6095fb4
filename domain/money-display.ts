/** Money for people, shared by the back office and the storefronts. Pure. */
import { CURRENCIES, formatMoney, isCurrency } from './money.ts'

/** Integer minor units as a localized amount: 499 USD -> '$4.99'; unknown codes keep the raw minor units visible. */
export function formatMinor(amountMinor: number, currency: string): string {
  if (!isCurrency(currency)) return `${amountMinor} ${currency} (minor units)`
  const { exponent } = CURRENCIES[currency]
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent,
    }).format(amountMinor / 10 ** exponent)
  } catch {
    // codes Intl does not know (USDC) keep the plain form
    return formatMoney({ amount: amountMinor, currency })
  }
}
