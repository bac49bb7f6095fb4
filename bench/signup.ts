/**
 * Fan signups/s end to end (real API, signupFan on the stack's own workers, SMTP mail sink, PostgreSQL) against a
 * no-op workflow of the same shape (3 activities and one signal) on the same Temporal server, in one run; plus
 * p50/p99 from the signup request to an active fan.
 */
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { setTimeout as sleep } from 'node:timers/promises'
import { Client, Connection } from '@temporalio/client'
import { NativeConnection, Worker } from '@temporalio/worker'
import pg from 'pg'
import type { AppEnv } from '../ops/stack/stack.ts'
import { call, pct, pool } from './pool.ts'

const N = Number(process.env.BENCH_SIGNUPS ?? 40)
const CONCURRENCY = 8
const ACTIVITIES_PER_SIGNUP = 3 // sendVerificationEmail, activateFan, sendPersonMail; plus the emailVerified signal
// DE requires a verified age (JMStV), which puts a KYC round into signupFan; NL takes self-declaration: the 3-activity path
const COUNTRY = 'NL'
const BRAND = 'girlfanz'
const PASSWORD = 'bench-signup-2026'
const MAIL_WAIT_MS = 10_000
// each poll is a workflow query served by the stack's workers: polling faster would slow down what it measures
const POLL_MS = 200
const ACTIVE_TIMEOUT_MS = 60_000



/** The token of the verification link mailed to `email`, read from the SMTP sink. */
async function verificationToken(sinkUrl: string, email: string): Promise<string> {
  const query = new URLSearchParams({ to: email, template: 'verifyEmail', wait: String(MAIL_WAIT_MS) })
  const [summary] = await call<{ id: string }[]>(`${sinkUrl}/messages?${query}`)
  if (!summary) throw new Error(`no verification mail reached ${email} within ${MAIL_WAIT_MS} ms`)
  const { text } = await call<{ text: string }>(`${sinkUrl}/messages/${summary.id}`)
  const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1]
  if (!token) throw new Error(`the verification mail to ${email} holds no verify-email link`)
  return token
}

async function untilActive(apiUrl: string, personId: string): Promise<void> {
  const deadline = performance.now() + ACTIVE_TIMEOUT_MS
  for (;;) {
    const { status } = await call<{ status: string }>(`${apiUrl}/api/signups/${personId}`)
    if (status === 'active') return
    if (status !== 'awaiting_email') throw new Error(`signup ${personId} went ${status}, not active`)
    if (performance.now() > deadline) throw new Error(`signup ${personId} not active after ${ACTIVE_TIMEOUT_MS} ms`)
    await sleep(POLL_MS)
  }
}

/** One fan from the signup form to an active account, as the storefront and the fan's mailbox would do it. */
async function signUpToActive(env: AppEnv, email: string, handle: string): Promise<void> {
  const started = await call<{ personId: string; assurance: string }>(`${env.PUBLIC_URL}/api/auth/signup`, { body: {
    brand: BRAND, email, password: PASSWORD, displayName: 'Bench Fan', handle, dateOfBirth: '1990-01-01', country: COUNTRY,
    acceptTerms: true, acceptPrivacy: true, attestAdult: true } })
  if (started.assurance !== 'self_declaration') throw new Error(`${COUNTRY} now needs ${started.assurance}: not the 3-activity path`)
  const token = await verificationToken(env.MAIL_SINK_URL, email)
  await call(`${env.PUBLIC_URL}/api/auth/verify-email`, { body: { token } })
  await untilActive(env.PUBLIC_URL, started.personId)
}

export async function benchSignup(env: AppEnv): Promise<void> {
  const run = randomUUID().slice(0, 8)
  const fans = Array.from({ length: N }, (_, i) => ({ email: `bench-${run}-${i}@example.test`, handle: `bench_${run}_${i}` }))

  const taskQueue = `bench-${run}`
  const nativeConnection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS })
  const worker = await Worker.create({
    connection: nativeConnection, namespace: env.TEMPORAL_NAMESPACE, taskQueue,
    workflowsPath: createRequire(import.meta.url).resolve('./workflows.ts'), activities: { async noop() {} },
  })
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS })
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE })
  const noopSeconds = await worker.runUntil(() => pool(fans, CONCURRENCY, async () => {
    const handle = await client.workflow.start('benchNoopAwaitingSignal', { taskQueue, workflowId: `bench-noop:${randomUUID()}`,
      args: [ACTIVITIES_PER_SIGNUP] })
    await handle.signal('benchContinue')
    await handle.result()
  }))
  await Promise.all([connection.close(), nativeConnection.close()])

  // the signups run on the stack's own workers (task queue core), as they do in production
  const latencies: number[] = []
  const signupSeconds = await pool(fans, CONCURRENCY, async ({ email, handle }) => {
    const t0 = performance.now()
    await signUpToActive(env, email, handle)
    latencies.push(performance.now() - t0)
  })

  const sql = new pg.Client({ connectionString: env.DATABASE_URL })
  await sql.connect()
  const active = (await sql.query(`SELECT count(*)::int AS n FROM people WHERE email = ANY($1) AND status = 'active'
    AND email_verified_at IS NOT NULL`, [fans.map((f) => f.email)])).rows[0].n as number
  await sql.end()
  if (active !== N) throw new Error(`expected ${N} active, verified fans, found ${active}`)
  const sorted = [...latencies].sort((a, b) => a - b)
  console.log(`\nFan signups vs a no-op workflow of ${ACTIVITIES_PER_SIGNUP} activities and one signal, ${N} each, ${CONCURRENCY} at a time, same Temporal server, one run:`)
  console.log(`  no-op workflows/s   ${(N / noopSeconds).toFixed(1)}`)
  console.log(`  signups/s           ${(N / signupSeconds).toFixed(1)}   ratio ${((N / signupSeconds) / (N / noopSeconds)).toFixed(2)}x`)
  console.log(`  signup request -> active fan (mail read, link confirmed), ms: p50 ${pct(sorted, 50).toFixed(0)}, p99 ${pct(sorted, 99).toFixed(0)}`)
}
