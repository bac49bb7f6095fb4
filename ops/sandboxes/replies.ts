/** What a sandbox answered, kept so a request repeated with the same idempotency key gets the same answer. */
export type Reply = { status: number; contentType: string; body: string }

/** The processors' idempotency: the first answer to (scope, key) is replayed; a 5xx is not remembered, so a retry is processed afresh. */
export function createReplies() {
  const replies = new Map<string, Reply>()
  return function replay(scope: string, key: string | undefined, compute: () => Reply): Reply {
    if (!key) return compute()
    const id = `${scope}\u0000${key}`
    const earlier = replies.get(id)
    if (earlier) return earlier
    const reply = compute()
    if (reply.status < 500) replies.set(id, reply)
    return reply
  }
}
