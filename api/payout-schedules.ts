/** The Temporal Schedule of each brand's payout runs, made from its payout settings; created or updated, never duplicated. */
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client'
import type { Logger } from 'pino'
import type { Db } from '../prisma/client.ts'
import { payoutSettingsOf } from '../activities/payouts/settings.ts'
import { toScheduleSpec } from '../domain/payouts/schedule.ts'
import { payoutScheduleId, payoutsTaskQueue } from '../workflows/payouts.contract.ts'
import { runPayouts } from '../workflows/index.ts'
import { ensureWhileTemporalStarts } from './schedule-retry.ts'

/** Creates the brand's schedule, or brings its spec in line with the settings (its paused state is kept). */
export async function ensurePayoutSchedule(temporal: Client, db: Db, brand: string, options: { paused?: boolean } = {}): Promise<void> {
  const settings = await payoutSettingsOf(db, brand)
  const spec: ScheduleSpec = toScheduleSpec(settings)
  const handle = temporal.schedule.getHandle(payoutScheduleId(brand))
  try {
    await handle.update((prev) => ({ ...prev, spec, policies: { ...prev.policies, overlap: ScheduleOverlapPolicy.ALLOW_ALL } }))
    return
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err
  }
  await temporal.schedule.create({
    scheduleId: payoutScheduleId(brand), spec,
    // Temporal appends the scheduled time to the id: payout-run:<brand>-<time>
    action: { type: 'startWorkflow', workflowType: runPayouts, workflowId: `payout-run:${brand}`, taskQueue: payoutsTaskQueue, args: [{ brand, trigger: 'schedule' }] },
    // a run still waiting (approvals, slow rails) must not hold the next week's back: runs of one brand may overlap,
    // which is money-safe (a payout locks its amount in the ledger, which refuses to overdraw what is available)
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '1 day' },
    state: { paused: options.paused ?? false, note: options.paused ? 'created paused' : 'created' },
  }).catch((err: unknown) => { if (!(err instanceof ScheduleAlreadyRunning)) throw err })
}

/** The live state of a brand's schedule for the back office, or null when it does not exist. */
export async function describePayoutSchedule(temporal: Client, brand: string) {
  try {
    const d = await temporal.schedule.getHandle(payoutScheduleId(brand)).describe()
    return { paused: d.state.paused, note: d.state.note ?? null, nextRunAt: d.info.nextActionTimes[0]?.toISOString() ?? null,
      lastRunAt: d.info.recentActions.at(-1)?.scheduledAt.toISOString() ?? null, lastWorkflowId: d.info.recentActions.at(-1)?.action.workflow.workflowId ?? null }
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return null
    throw err
  }
}

/** Ensures every brand's schedule, retrying while Temporal is not reachable yet (the API starts without it). */
export async function ensurePayoutSchedules(temporal: Client, db: Db, o: { paused: boolean; log: Pick<Logger, 'info' | 'warn'> }): Promise<void> {
  await ensureWhileTemporalStarts(async () => {
    const brands = await db.brand.findMany({ select: { slug: true } })
    for (const b of brands) await ensurePayoutSchedule(temporal, db, b.slug, { paused: o.paused })
    return { brands: brands.length, paused: o.paused }
  }, { log: o.log, done: 'payout schedules in place', gaveUp: 'payout schedules not ensured; the back office creates them on first use' })
}
