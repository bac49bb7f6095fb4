/** CSV of the 2257 indexes: quoted per RFC 4180, and cells that spreadsheets would run as formulas are neutralised. */
const cell = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join('; ') : v == null ? '' : String(v)
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const COLUMNS = ['legalName', 'aliases', 'dateOfBirth', 'documentType', 'documentIssuer', 'documentExpiresOn', 'brand', 'recordMadeAt',
  'releaseVersion', 'supersededAt', 'id'] as const

/** One line per row, the alias column first in the alias index. */
export function recordsCsv(by: 'performer' | 'alias', rows: Record<string, unknown>[]): string {
  const columns = by === 'alias' ? ['alias', ...COLUMNS] : [...COLUMNS]
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n'
}
