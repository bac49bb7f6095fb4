/** Financial statements from account balances and postings. Pure: callers read the numbers, this arranges them. */
import { ACCOUNT_KINDS, type AccountKind } from './accounts.ts'

/** Where each kind of account appears in the statements. */
export const STATEMENT_SECTION: Readonly<Record<AccountKind, 'asset' | 'liability' | 'revenue' | 'expense'>> = Object.freeze({
  fanWallet: 'liability', creatorPending: 'liability', creatorAvailable: 'liability', referralPayable: 'liability',
  platformRevenue: 'revenue', processorClearing: 'asset', processorFees: 'expense', taxPayable: 'liability', reserves: 'liability',
  payoutsInTransit: 'liability', payoutsSettled: 'expense', chargebackLosses: 'expense', creatorReceivable: 'asset', fxPosition: 'asset',
})

export type KindTotal = { kind: AccountKind; currency: string; balance: number }
export type StatementLine = { kind: AccountKind; code: string; amount: number }

/** Profit and loss over a period from the net movement of revenue and expense accounts (credits shown positive). */
export function profitAndLoss(movements: readonly KindTotal[], currency: string) {
  const lines = (section: 'revenue' | 'expense') => movements
    .filter((m) => m.currency === currency && STATEMENT_SECTION[m.kind] === section && m.kind !== 'payoutsSettled')
    .map((m) => ({ kind: m.kind, code: ACCOUNT_KINDS[m.kind].code, amount: section === 'revenue' ? -m.balance : m.balance }))
  const revenue = lines('revenue'), expenses = lines('expense')
  const sum = (xs: StatementLine[]) => xs.reduce((s, x) => s + x.amount, 0)
  return { currency, revenue, expenses, totalRevenue: sum(revenue), totalExpenses: sum(expenses), netIncome: sum(revenue) - sum(expenses) }
}

/** Balance sheet at a moment: assets = liabilities + equity, where equity is what revenue less expenses left us. */
export function balanceSheet(balances: readonly KindTotal[], currency: string) {
  const lines = (section: 'asset' | 'liability', sign: 1 | -1) => balances
    .filter((b) => b.currency === currency && STATEMENT_SECTION[b.kind] === section)
    .map((b) => ({ kind: b.kind, code: ACCOUNT_KINDS[b.kind].code, amount: sign * b.balance }))
  const assets = lines('asset', 1), liabilities = lines('liability', -1)
  const equity = -balances.filter((b) => b.currency === currency && ['revenue', 'expense'].includes(STATEMENT_SECTION[b.kind]))
    .reduce((s, b) => s + b.balance, 0)
  const sum = (xs: StatementLine[]) => xs.reduce((s, x) => s + x.amount, 0)
  return { currency, assets, liabilities, equity, totalAssets: sum(assets), totalLiabilitiesAndEquity: sum(liabilities) + equity,
    balanced: sum(assets) === sum(liabilities) + equity }
}

/** Rows as CSV (RFC 4180 quoting), header from the first row's keys. */
export function toCsv(rows: readonly Record<string, string | number | null>[]): string {
  if (rows.length === 0) return ''
  // a text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with ' (OWASP CSV injection)
  const text = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v))
  const cell = (v: string | number | null) => (v === null ? '' : /[",\n]/.test(text(v)) ? `"${text(v).replaceAll('"', '""')}"` : text(v))
  const keys = Object.keys(rows[0]!)
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k] ?? null)).join(','))].join('\n') + '\n'
}
