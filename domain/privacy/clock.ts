/** The statutory clock of a data subject request: which law applies, when it is due, extensions, reminders. Pure. */
export type Jurisdiction = 'GDPR' | 'CCPA'

const DAY_MS = 86_400_000

/** Days to answer, how far and how often the period may be extended, and where the law says so. */
export const CLOCK: Record<Jurisdiction, { days: number; maxExtensionDays: number; maxExtensions: number; citation: string }> = {
  // "one month" counted as 30 days, as the house rule; from late January or February that is up to 2 days past the
  // calendar month (Regulation 1182/71), so answering within 30 days can be late for those requests
  GDPR: { days: 30, maxExtensionDays: 60, maxExtensions: 2, citation: 'GDPR Art. 12(3): one month, extendable by two further months' },
  CCPA: { days: 45, maxExtensionDays: 45, maxExtensions: 1, citation: 'Cal. Civ. Code 1798.130(a)(2); 11 CCR 7021(b): 45 days, extendable once by 45 days' },
}

/**
 * CCPA for California residents (country US, region CA or US-CA); GDPR for everyone else: the EU, the EEA (IS, LI, NO),
 * the UK and Switzerland by law, the rest of the world by policy (the shorter clock and the stricter rules).
 */
export function jurisdictionFor(country: string | null, region: string | null): Jurisdiction {
  const c = country?.trim().toUpperCase() ?? ''
  const r = region?.trim().toUpperCase() ?? ''
  return c === 'US' && (r === 'CA' || r === 'US-CA') ? 'CCPA' : 'GDPR'
}

/** When an answer is due before any extension. */
export const initialDeadline = (j: Jurisdiction, receivedAt: Date): Date => new Date(receivedAt.getTime() + CLOCK[j].days * DAY_MS)

export type Extension = { days: number; reason: string }

export type ExtensionCheck = { ok: true; dueAt: Date } | {
  ok: false
  code: 'EXTENSION_REASON_REQUIRED' | 'EXTENSION_INVALID_DAYS' | 'EXTENSION_LIMIT' | 'EXTENSION_TOO_LONG' | 'EXTENSION_AFTER_DEADLINE'
  message: string
}

const MIN_REASON_LENGTH = 10
const sumDays = (extensions: readonly Extension[]) => extensions.reduce((sum, e) => sum + e.days, 0)

/** When an answer is due with the extensions already granted. */
export const currentDeadline = (j: Jurisdiction, receivedAt: Date, extensions: readonly Extension[]): Date =>
  new Date(initialDeadline(j, receivedAt).getTime() + sumDays(extensions) * DAY_MS)

/**
 * Whether the period may be extended by `days` for `reason`, and the new due date. Refusals the staff member cannot
 * fix come first (limit reached, too late), then the ones they can (days, reason). The person must be told of an
 * extension within the first period (GDPR Art. 12(3), Cal. Civ. Code 1798.130(a)(2)), so a later one is refused
 * even while an earlier extension still runs.
 */
export function checkExtension(j: Jurisdiction, state: { receivedAt: Date; extensions: readonly Extension[]; now: Date }, days: number, reason: string): ExtensionCheck {
  const { maxExtensionDays, maxExtensions } = CLOCK[j]
  const usedDays = sumDays(state.extensions)
  const originalDue = initialDeadline(j, state.receivedAt)
  if (state.extensions.length >= maxExtensions) {
    return { ok: false, code: 'EXTENSION_LIMIT', message: `A ${j} request may be extended at most ${maxExtensions === 1 ? 'once' : `${maxExtensions} times`}.` }
  }
  if (state.now.getTime() >= originalDue.getTime()) {
    return { ok: false, code: 'EXTENSION_AFTER_DEADLINE', message: `An extension must be decided and notified before ${originalDue.toISOString()}, the end of the first ${CLOCK[j].days} days.` }
  }
  if (!Number.isInteger(days) || days < 1 || days > maxExtensionDays) {
    return { ok: false, code: 'EXTENSION_INVALID_DAYS', message: `An extension is a whole number of days from 1 to ${maxExtensionDays}.` }
  }
  if (usedDays + days > maxExtensionDays) {
    return { ok: false, code: 'EXTENSION_TOO_LONG', message: `${j} allows ${maxExtensionDays} extra days in total; ${maxExtensionDays - usedDays} remain.` }
  }
  if (reason.trim().length < MIN_REASON_LENGTH) {
    return { ok: false, code: 'EXTENSION_REASON_REQUIRED', message: `The person must be told why: give a reason of at least ${MIN_REASON_LENGTH} characters.` }
  }
  return { ok: true, dueAt: new Date(originalDue.getTime() + (usedDays + days) * DAY_MS) }
}

export type Milestone = { at: Date; kind: 'reminder' | 'escalation' | 'overdue'; daysLeft: number }

const MILESTONES: readonly { daysLeft: number; kind: Milestone['kind'] }[] = [
  { daysLeft: 10, kind: 'reminder' }, { daysLeft: 5, kind: 'reminder' }, { daysLeft: 2, kind: 'escalation' }, { daysLeft: 0, kind: 'overdue' },
]

/** When to remind the compliance team (10 and 5 days left), escalate (2 days left) and mark overdue (at dueAt), oldest first. */
export const milestones = (receivedAt: Date, dueAt: Date): Milestone[] =>
  MILESTONES.map((m) => ({ at: new Date(dueAt.getTime() - m.daysLeft * DAY_MS), kind: m.kind, daysLeft: m.daysLeft }))
    .filter((m) => m.at.getTime() > receivedAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())

/** Whole days left: a part day counts as a day until dueAt, 0 at dueAt, then -1 from the first moment after it. */
export function daysLeft(dueAt: Date, now: Date): number {
  const ms = dueAt.getTime() - now.getTime()
  return ms > 0 ? Math.ceil(ms / DAY_MS) : Math.floor(ms / DAY_MS)
}
