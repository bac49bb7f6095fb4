/** How the Wise sandbox speaks: decimal JSON numbers for amounts, `errors[]` bodies, Wise's timestamp format. */
import type { Response } from 'express'
import { decimalText, money, parseDecimal } from '../../../domain/money.ts'

/** Minor units -> the decimal number Wise puts in JSON (exact for any amount with at most 15 significant digits). */
export const major = (minor: number, currency: string): number => Number(decimalText(money(minor, currency)))

/** A JSON amount (number or decimal string) -> minor units, or null when it is not an exact amount in that currency. */
export function minor(value: unknown, currency: string): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  try {
    return /^\d+(\.\d+)?$/.test(text) ? parseDecimal(text, currency) : null
  } catch {
    return null
  }
}

/** Wise's validation answer: HTTP 422 with `errors: [{code, message, path, arguments}]`. */
export const invalid = (res: Response, path: string, message: string, code = 'NOT_VALID') =>
  res.status(422).json({ errors: [{ code, message, path, arguments: [path] }] })

/** A 404 in Wise's shape. */
export const notFound = (res: Response, code: string, message: string) => res.status(404).json({ errors: [{ code, message, arguments: [] }] })

/** Wise's `created` timestamps: 'yyyy-mm-dd hh:mm:ss' (UTC). */
export const wiseTime = (iso: string) => iso.slice(0, 19).replace('T', ' ')

/** Fixed sandbox rates: units per 1 USD (Wise's real rates move; these do not). */
const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.36, AUD: 1.52, JPY: 151 }

/** The rate source -> target as a decimal string, or null for a route the sandbox does not quote. */
export function sandboxRate(source: string, target: string): string | null {
  const [s, t] = [PER_USD[source], PER_USD[target]]
  if (s === undefined || t === undefined) return null
  return source === target ? '1' : (t / s).toFixed(6)
}
