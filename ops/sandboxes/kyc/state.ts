/** The KYC sandbox's memory: sessions, their captured media and decisions, replayable answers (it is the outside world). */
import { createHash, randomBytes, randomUUID } from 'node:crypto'

/** A session's life: created, started (the link was opened), then the status of its latest decision. */
export const SESSION_STATUSES = [
  'created', 'started', 'approved', 'declined', 'resubmission_requested', 'review', 'expired', 'abandoned',
] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** Decided for good: the hosted flow shows "nothing more to do" and no further decision is accepted. */
export const FINAL_STATUSES: readonly SessionStatus[] = ['approved', 'declined', 'expired', 'abandoned']

/** One capture, kept in memory with its bytes. */
export type SandboxMedia = { id: string; sessionId: string; attemptId: string; context: string; mimetype: string; bytes: Buffer; timestamp: string }

/** A verification session as the sandbox holds it. */
export type SandboxSession = {
  id: string
  /** the secret part of the hosted-flow URL, as Veriff's session token is */
  sessionToken: string
  vendorData: string | null
  endUserId: string | null
  callback: string | null
  /** what the merchant sent; the hosted flow pre-fills it */
  person: { firstName: string | null; lastName: string | null; dateOfBirth: string | null }
  status: SessionStatus
  createdAt: string
  attempts: string[]
  /** the latest decision's `verification` object, exactly as the webhook and GET /decision carry it */
  decision: Record<string, unknown> | null
}

/** A recorded HTTP answer, replayed verbatim for a repeated X-Idempotency-Key. */
export type Reply = { status: number; body: string }

/** Empty sandbox memory; nothing survives a restart, as befits a stand-in. */
export function createKycState() {
  const sessions = new Map<string, SandboxSession>()
  const media = new Map<string, SandboxMedia>()
  const replies = new Map<string, Reply & { fingerprint: string }>()

  return {
    /** Opens a session in status `created` with a fresh id and token. */
    create(fields: Pick<SandboxSession, 'vendorData' | 'endUserId' | 'callback' | 'person'>): SandboxSession {
      const session: SandboxSession = { ...fields, id: randomUUID(), sessionToken: randomBytes(24).toString('base64url'),
        status: 'created', createdAt: new Date().toISOString(), attempts: [], decision: null }
      sessions.set(session.id, session)
      return session
    },
    find: (id: string) => sessions.get(id),
    byToken: (token: string) => [...sessions.values()].find((s) => s.sessionToken === token),
    list: () => [...sessions.values()],
    addMedia(item: Omit<SandboxMedia, 'id'>): SandboxMedia {
      const stored = { ...item, id: randomUUID() }
      media.set(stored.id, stored)
      return stored
    },
    media: (id: string) => media.get(id),
    /** The media of the session's latest attempt, which is what Veriff's GET /sessions/{id}/media lists. */
    mediaOf(session: SandboxSession): SandboxMedia[] {
      const latest = session.attempts.at(-1)
      return [...media.values()].filter((m) => m.sessionId === session.id && m.attemptId === latest)
    },
    /** Answers from the first request with this key, or 422 if the key comes back with another body; computes otherwise. */
    replay(key: string | undefined, body: string, compute: () => Reply): Reply {
      if (!key) return compute()
      const fingerprint = createHash('sha256').update(body).digest('hex')
      const earlier = replies.get(key)
      if (earlier && earlier.fingerprint !== fingerprint) {
        return { status: 422, body: JSON.stringify({ status: 'fail', message: 'X-Idempotency-Key was already used with another request body' }) }
      }
      if (earlier) return { status: earlier.status, body: earlier.body }
      const reply = compute()
      // only a created session is an answer worth repeating; a refused request may be fixed and sent again
      if (reply.status < 300) replies.set(key, { ...reply, fingerprint })
      return reply
    },
  }
}
/** The sandbox memory's interface. */
export type KycState = ReturnType<typeof createKycState>
