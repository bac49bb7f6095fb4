/** The Temporal Schedule that deletes expired access archives every day; created or updated, never duplicated. */
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleOptionsAction, type ScheduleSpec } from '@temporalio/client'
import type { Logger } from 'pino'
import { archiveExpiryScheduleId, purgeExpiredArchivesTaskQueue } from '../workflows/purge-expired-archives.contract.ts'
import { purgeExpiredArchives } from '../workflows/index.ts'
import { ensureWhileTemporalStarts } from './schedule-retry.ts'

// in the quiet hours of every brand's traffic; an archive lives at most a day past its window
const spec: ScheduleSpec = { calendars: [{ hour: 3, minute: 17 }] }
// Temporal appends the scheduled time to the id: privacy-archive-expiry-<time>
const action: ScheduleOptionsAction = { type: 'startWorkflow', workflowType: purgeExpiredArchives, workflowId: archiveExpiryScheduleId,
  taskQueue: purgeExpiredArchivesTaskQueue, args: [] }
// a run still draining a backlog finishes before the next one starts; a missed day is caught up once
const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' } as const

/** Creates the schedule, or brings its spec and action in line with this code (a pause set by an operator is kept). */
export async function ensureArchiveExpirySchedule(temporal: Client): Promise<void> {
  try {
    await temporal.schedule.getHandle(archiveExpiryScheduleId).update((prev) => ({ ...prev, spec, action, policies: { ...prev.policies, ...policies } }))
    return
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err
  }
  await temporal.schedule.create({ scheduleId: archiveExpiryScheduleId, spec, action, policies, state: { note: 'created' } })
    .catch((err: unknown) => { if (!(err instanceof ScheduleAlreadyRunning)) throw err })
}

/** Ensures the privacy schedules, retrying while Temporal is not reachable yet (the API starts without it). */
export async function ensurePrivacySchedules(temporal: Client, o: { log: Pick<Logger, 'info' | 'warn'> }): Promise<void> {
  await ensureWhileTemporalStarts(async () => {
    await ensureArchiveExpirySchedule(temporal)
    return { scheduleId: archiveExpiryScheduleId }
  }, { log: o.log, done: 'privacy schedules in place', gaveUp: 'privacy schedules not ensured; expired access archives stay until the API restarts' })
}
