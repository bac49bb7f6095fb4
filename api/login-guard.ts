/** Brute-force protection for sign-in, shared by every API instance through PostgreSQL: per-address rate limit, per-account lockout. */
import { createHash } from 'node:crypto'
import type { Db } from '../prisma/client.ts'
import { DomainError } from './errors.ts'

export const LOGIN_LIMITS = {
  /** failed attempts from one address within the window before further attempts are refused */
  perAddress: 20,
  windowMinutes: 15,
  /** consecutive failures on one account before it locks */
  perAccount: 5,
  lockMinutes: 15,
} as const

const addressKey = (ip: string) => `ip:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`

/** Refuses with RATE_LIMITED when this address failed too often lately. */
export async function checkAddress(db: Db, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000)
  const failures = await db.loginAttempt.count({ where: { key: addressKey(ip), succeeded: false, at: { gte: since } } })
  if (failures >= LOGIN_LIMITS.perAddress) {
    throw new DomainError('rateLimited', `Too many sign-in attempts from your network. Try again in ${LOGIN_LIMITS.windowMinutes} minutes.`,
      { retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 })
  }
}

/** Refuses with ACCOUNT_LOCKED while the account is locked, saying until when. */
export function checkAccount(person: { lockedUntil: Date | null }, now = new Date()): void {
  if (person.lockedUntil && person.lockedUntil > now) {
    const until = person.lockedUntil.toISOString().slice(11, 16)
    throw new DomainError('accountLocked', `This account is locked after too many failed sign-ins. Try again after ${until} UTC, or reset your password.`,
      { lockedUntil: person.lockedUntil.toISOString() })
  }
}

/** Records a failure; the account locks on the threshold. */
export async function recordFailure(db: Db, ip: string, personId: string | null, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { key: addressKey(ip), succeeded: false, at: now } })
  if (!personId) return
  const p = await db.person.update({ where: { id: personId }, data: { failedLogins: { increment: 1 } } })
  if (p.failedLogins >= LOGIN_LIMITS.perAccount) {
    await db.person.update({ where: { id: personId }, data: { lockedUntil: new Date(now.getTime() + LOGIN_LIMITS.lockMinutes * 60_000), failedLogins: 0 } })
  }
}

/** A success clears the account's failure count. */
export async function recordSuccess(db: Db, ip: string, personId: string): Promise<void> {
  await db.$transaction([
    db.loginAttempt.create({ data: { key: addressKey(ip), succeeded: true } }),
    db.person.update({ where: { id: personId }, data: { failedLogins: 0, lockedUntil: null } }),
  ])
}
