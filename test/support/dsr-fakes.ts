/** In-memory privacy activities (snapshot, holds, erasure steps, receipts) recording every call with its server time, for workflow tests. */
import { Context } from '@temporalio/activity'
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common'
import type { DsrKind, DsrStatus, DsrSystem, HoldView, PrivacyActivities, StepResult, Withheld } from '../../activities/privacy/index.ts'
import { currentDeadline, type Extension, type Jurisdiction } from '../../domain/privacy/clock.ts'
import { HOLD_COVERS, keyMustBeKept, type DataCategory, type HoldKind } from '../../domain/privacy/holds.ts'

export type DsrActivityName = keyof PrivacyActivities
/** One activity call: its arguments, the test server's clock at the call, its attempt, and the calling workflow's ids. */
export type DsrCall = { name: DsrActivityName; args: Record<string, unknown>; at: number; attempt: number; workflowId: string; runId: string }
export type DsrSnapshot = Awaited<ReturnType<PrivacyActivities['dsrSnapshot']>>

export const REQUEST_ID = 'req-1'
export const PERSON_REF = 'person-1'

export type DsrFakeOptions = {
  kind?: DsrKind
  jurisdiction?: Jurisdiction
  /** the request's status when the run reads it (default IN_PROGRESS: verified when it was filed) */
  status?: DsrStatus
  /** default: pending while AWAITING_VERIFICATION, verified otherwise */
  verification?: 'pending' | 'verified'
  extensions?: Extension[]
  /** when the request was received (default: the server clock when dsrSnapshot is called); dueAt follows from the law and extensions */
  receivedAt?: number
  /** what each dsrEvaluateHolds call answers, in order; the last one repeats (default: no holds) */
  holds?: HoldView[][]
  /** the person's running workflows each dsrCloseOpenWork call finds, in order; the last one repeats (default: none) */
  running?: string[][]
  /** activities that wait (heartbeating) until `release(name)` */
  hold?: DsrActivityName[]
  /** an activity whose system is unreachable (it throws a retryable error) for this long after its first call */
  down?: { name: DsrActivityName; forMs: number }
  /**
   * the server's clock (`env.currentTimeMs`); default: when the attempt was scheduled, which for a retry the
   * time-skipping server reports as the moment the retry was decided, not when it runs
   */
  now?: () => Promise<number>
}

/** A hold as dsrEvaluateHolds reports it: the categories its kind covers, its end as an ISO date or null (until released). */
export const holdView = (kind: HoldKind, ref: string, until: number | null): HoldView =>
  ({ kind, ref, reason: `${kind} ${ref} keeps the records`, until: until === null ? null : new Date(until).toISOString(), categories: [...HOLD_COVERS[kind]] })

const STEP_CATEGORY: Record<'dsrEraseSearch' | 'dsrEraseStorage' | 'dsrPseudonymizeLedger' | 'dsrErasePostgres', { system: DsrSystem; category: DataCategory }> = {
  dsrEraseSearch: { system: 'search', category: 'media' },
  dsrEraseStorage: { system: 'storage', category: 'media' },
  dsrPseudonymizeLedger: { system: 'ledger', category: 'ledger' },
  dsrErasePostgres: { system: 'postgres', category: 'purchases' },
}

const withheldBy = (holds: HoldView[], category: DataCategory, what: string): Withheld[] =>
  holds.filter((h) => h.categories.includes(category)).map((h) => ({ what, holdKind: h.kind, reason: h.reason, until: h.until }))

export function dsrFakes(opts: DsrFakeOptions = {}) {
  const calls: DsrCall[] = []
  const released = new Set<DsrActivityName>()
  const j = opts.jurisdiction ?? 'GDPR'
  let status: DsrStatus = opts.status ?? 'IN_PROGRESS'
  const nth = <T>(script: T[] | undefined, fallback: T, name: DsrActivityName): T => {
    const n = calls.filter((c) => c.name === name).length - 1
    return script?.length ? script[Math.min(n, script.length - 1)]! : fallback
  }

  const rec = <A, R>(name: DsrActivityName, result: (args: A, at: number) => R) => async (args: A): Promise<Awaited<R>> => {
    const ctx = Context.current()
    // every privacy activity is called from the workflow
    const { workflowId, runId } = ctx.info.workflowExecution!
    const at = opts.now ? await opts.now() : ctx.info.currentAttemptScheduledTimestampMs
    // dsrSnapshot takes the bare request id
    const recorded = typeof args === 'object' ? JSON.parse(JSON.stringify(args)) as Record<string, unknown> : { requestId: args }
    calls.push({ name, args: recorded, at, attempt: ctx.info.attempt, workflowId, runId })
    if (opts.down?.name === name) {
      const first = calls.find((c) => c.name === name)!.at
      // retried when the system is back (benign: the worker does not log every attempt)
      if (at - first < opts.down.forMs) {
        throw ApplicationFailure.create({ type: 'UNAVAILABLE', message: `${name}: the system is unreachable (503)`,
          nextRetryDelay: first + opts.down.forMs - at, category: ApplicationFailureCategory.BENIGN })
      }
    }
    if (opts.hold?.includes(name)) while (!released.has(name)) { ctx.heartbeat(); await ctx.sleep(20) }
    return await result(args, at)
  }
  const none = () => undefined
  const step = (name: keyof typeof STEP_CATEGORY) => rec(name, (a: { holds: HoldView[] }): StepResult => {
    const { system, category } = STEP_CATEGORY[name]
    const held = withheldBy(a.holds, category, `${category} of the person`)
    return { system, status: held.length ? 'WITHHELD' : 'DONE', erased: held.length ? {} : { [category]: 1 }, withheld: held }
  })

  const activities = {
    dsrSnapshot: rec('dsrSnapshot', (_requestId: string, at: number): DsrSnapshot => {
      const receivedAt = new Date(opts.receivedAt ?? at)
      const extensions = opts.extensions ?? []
      return { requestId: REQUEST_ID, personRef: PERSON_REF, brand: 'boyfanz', kind: opts.kind ?? 'access', jurisdiction: j, status,
        verification: opts.verification ?? (status === 'AWAITING_VERIFICATION' ? 'pending' : 'verified'),
        receivedAt: receivedAt.toISOString(), dueAt: currentDeadline(j, receivedAt, extensions).toISOString(), extensions }
    }),
    dsrSetStatus: rec('dsrSetStatus', (a: { status: DsrStatus }) => { status = a.status }),
    dsrRecordExtension: rec('dsrRecordExtension', none),
    dsrMilestone: rec('dsrMilestone', none),
    dsrNotify: rec('dsrNotify', none),
    dsrEvaluateHolds: rec('dsrEvaluateHolds', (): HoldView[] => nth(opts.holds, [], 'dsrEvaluateHolds')),
    dsrExportArchive: rec('dsrExportArchive', () => ({ key: `dsr/${REQUEST_ID}/archive.zip`, bytes: 2048, counts: { tables: 3, files: 1 } })),
    dsrRectify: rec('dsrRectify', (): StepResult => ({ system: 'postgres', status: 'DONE', erased: { rectified: 1 }, withheld: [] })),
    dsrEraseSearch: step('dsrEraseSearch'),
    dsrEraseStorage: step('dsrEraseStorage'),
    dsrPseudonymizeLedger: step('dsrPseudonymizeLedger'),
    dsrErasePostgres: step('dsrErasePostgres'),
    dsrCloseOpenWork: rec('dsrCloseOpenWork', () => ({ running: nth(opts.running, [], 'dsrCloseOpenWork') })),
    // as the real step: the key stays while the person's workflows run or a hold needs what it seals
    dsrShredKey: rec('dsrShredKey', (a: { holds: HoldView[]; running: string[] }): StepResult => {
      if (a.running.length) {
        return { system: 'temporal', status: 'WITHHELD', erased: {}, withheld: [{ what: `person key (${a.running.length} workflows still running)`,
          holdKind: 'running_workflows', reason: 'workflows of the person are still running', until: null }] }
      }
      if (keyMustBeKept(a.holds.map((h) => ({ ...h, until: h.until ? new Date(h.until) : null })))) {
        return { system: 'temporal', status: 'WITHHELD', erased: {}, withheld: a.holds.map((h) => ({ what: 'person key', holdKind: h.kind, reason: h.reason, until: h.until })) }
      }
      return { system: 'temporal', status: 'DONE', erased: { person_keys_destroyed: 1 }, withheld: [] }
    }),
    dsrIssueReceipt: rec('dsrIssueReceipt', (a: { final: boolean }) => ({ digest: `digest-${a.final ? 'final' : 'interim'}` })),
  } satisfies Record<DsrActivityName, unknown>

  return {
    calls, activities,
    /** the request's status as the last dsrSetStatus left it */
    status: () => status,
    names: () => calls.map((c) => c.name),
    named: (name: DsrActivityName) => calls.filter((c) => c.name === name),
    release: (name: DsrActivityName) => { released.add(name) },
  }
}
export type DsrFakes = ReturnType<typeof dsrFakes>
