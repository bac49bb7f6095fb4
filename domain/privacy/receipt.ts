/** The receipt of a finished data subject request, per system, and the canonical JSON it is signed as. Pure. */
import { z } from 'zod'
import { CodedError } from '../coded-error.ts'
import type { Jurisdiction } from './clock.ts'
import { HOLD_KINDS, type HoldKind } from './holds.ts'

/**
 * JSON with object keys sorted (by UTF-16 code unit, as RFC 8785) at every depth and no whitespace; Dates as ISO strings,
 * undefined properties dropped. Throws on what has no stable JSON form: NaN and infinities, bigints, functions,
 * symbols, cycles, and objects other than plain objects, arrays and Dates (a Map would silently become {}).
 */
export function canonicalJson(value: unknown): string {
  const ancestors = new Set<object>()
  const write = (v: unknown): string => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v)
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${v} has no JSON form`)
      return JSON.stringify(v)
    }
    if (v instanceof Date) return JSON.stringify(v.toISOString())
    if (typeof v !== 'object') throw new TypeError(`canonicalJson: a ${typeof v} has no JSON form`)
    if (ancestors.has(v)) throw new TypeError('canonicalJson: the value contains a cycle')
    const proto: unknown = Object.getPrototypeOf(v)
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: only plain objects, arrays and Dates')
    ancestors.add(v)
    // as JSON.stringify: an undefined array element becomes null, an undefined property is left out
    const body = Array.isArray(v)
      ? `[${v.map((item: unknown) => (item === undefined ? 'null' : write(item))).join(',')}]`
      : `{${Object.keys(v).sort().flatMap((k) => {
        const item: unknown = (v as Record<string, unknown>)[k]
        return item === undefined ? [] : [`${JSON.stringify(k)}:${write(item)}`]
      }).join(',')}}`
    ancestors.delete(v)
    return body
  }
  return write(value)
}

export type SystemReceipt = {
  system: string
  status: 'DONE' | 'WITHHELD' | 'SKIPPED'
  erased: Record<string, number>
  /** holdKind 'running_workflows': not a legal hold, the person's workflows still running when the receipt was issued */
  withheld: { what: string; holdKind: HoldKind | 'running_workflows'; reason: string; until: string | null }[]
}

export type Receipt = {
  requestId: string
  kind: 'access' | 'erasure' | 'rectification'
  jurisdiction: Jurisdiction
  /** a pseudonym, never the email */
  subject: string
  receivedAt: string
  completedAt: string
  dueAt: string
  systems: SystemReceipt[]
}

const instant = z.iso.datetime()
const text = z.string().trim().min(1)
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const systemSchema = z.object({
  system: text,
  status: z.enum(['DONE', 'WITHHELD', 'SKIPPED']),
  erased: z.record(text, z.number().int().nonnegative()),
  withheld: z.array(z.object({ what: text, holdKind: z.enum([...HOLD_KINDS, 'running_workflows']), reason: text, until: instant.nullable() })),
}).refine((s) => (s.status === 'WITHHELD') === (s.withheld.length > 0), 'a system is WITHHELD exactly when it lists what it kept')
  .refine((s) => s.status !== 'SKIPPED' || Object.values(s.erased).every((n) => n === 0), 'a SKIPPED system erased nothing')

const receiptSchema = z.object({
  requestId: text,
  kind: z.enum(['access', 'erasure', 'rectification']),
  jurisdiction: z.enum(['GDPR', 'CCPA']),
  subject: text.refine((s) => !s.includes('@'), 'the subject is a pseudonym, never an email address'),
  receivedAt: instant,
  completedAt: instant,
  dueAt: instant,
  systems: z.array(systemSchema).min(1),
}).refine((r) => Date.parse(r.completedAt) >= Date.parse(r.receivedAt), { message: 'completedAt is before receivedAt', path: ['completedAt'] })
  .refine((r) => Date.parse(r.dueAt) > Date.parse(r.receivedAt), { message: 'dueAt is not after receivedAt', path: ['dueAt'] })
  .refine((r) => new Set(r.systems.map((s) => s.system)).size === r.systems.length, { message: 'a system appears twice', path: ['systems'] })

/**
 * A receipt ready to sign: checked, unknown fields dropped, systems sorted by name and each system's withheld items in
 * a fixed order, so the same outcome always signs alike. Throws RECEIPT_INVALID naming every problem.
 */
export function buildReceipt(input: Omit<Receipt, 'systems'> & { systems: SystemReceipt[] }): Receipt {
  const parsed = receiptSchema.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new CodedError('RECEIPT_INVALID', `Invalid receipt: ${problems.join('; ')}`)
  }
  const systems = parsed.data.systems
    .map((s) => ({
      ...s,
      withheld: [...s.withheld].sort((a, b) => compare(a.what, b.what) || compare(a.holdKind, b.holdKind)
        || compare(a.until ?? '~', b.until ?? '~') || compare(a.reason, b.reason)),
    }))
    .sort((a, b) => compare(a.system, b.system))
  return { ...parsed.data, systems }
}
