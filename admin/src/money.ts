import { formatMinor } from '../../domain/money-display.ts'

export { formatMinor }

/** A signed ledger amount with its side: positive = debit ('$4.99 Dr'), negative = credit ('$3.35 Cr'). */
export function formatSide(amountMinor: number, currency: string): string {
  if (amountMinor === 0) return formatMinor(0, currency)
  return `${formatMinor(Math.abs(amountMinor), currency)} ${amountMinor > 0 ? 'Dr' : 'Cr'}`
}
