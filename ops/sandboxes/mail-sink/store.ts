/** The sink's mailboxes: the newest messages in memory, newest first, with filters and waiting for an arrival. */

export type SinkAddress = { address: string; name: string }
export type SinkHeader = { name: string; value: string }
export type SinkAttachment = { filename: string | null; contentType: string; size: number }

/** One received message as the HTTP API shows it in full. */
export type SinkMessage = {
  id: string
  receivedAt: string
  /** the Message-ID header, angle brackets included; senders derive it from their idempotency key */
  messageId: string | null
  /** the X-Fanz-Template header our mail activity sets, so the back office can tell the kinds apart */
  template: string | null
  /** who the SMTP client authenticated as; null when it sent without AUTH */
  authUser: string | null
  envelope: { from: string | null; to: string[] }
  from: SinkAddress[]
  to: SinkAddress[]
  cc: SinkAddress[]
  subject: string
  text: string
  html: string | null
  headers: SinkHeader[]
  attachments: SinkAttachment[]
  size: number
}
export type StoredMessage = SinkMessage & { raw: Buffer }
/** What a list shows: everything but the bodies and headers. */
export type MessageSummary = Omit<SinkMessage, 'text' | 'html' | 'headers'>

/** `to`: a full address matches exactly, a partial one as a substring; `q`: subject contains (both case-insensitive); `template`: exact. */
export type MessageFilter = { to?: string; q?: string; template?: string }
export type Predicate = (message: StoredMessage) => boolean

const recipients = (m: StoredMessage) => [...m.envelope.to, ...m.to.map((a) => a.address), ...m.cc.map((a) => a.address)]
  .map((a) => a.toLowerCase())

/** The filter as a predicate, usable both for lists and for waiting. */
export function matches(filter: MessageFilter): Predicate {
  const to = filter.to?.trim().toLowerCase()
  const q = filter.q?.trim().toLowerCase()
  return (m) => {
    if (to && !recipients(m).some((a) => (to.includes('@') ? a === to : a.includes(to)))) return false
    if (q && !m.subject.toLowerCase().includes(q)) return false
    return !filter.template || m.template === filter.template
  }
}

/** Only the list columns of a message. */
export function summary(m: StoredMessage): MessageSummary {
  const { id, receivedAt, messageId, template, authUser, envelope, from, to, cc, subject, attachments, size } = m
  return { id, receivedAt, messageId, template, authUser, envelope, from, to, cc, subject, attachments, size }
}

/** Everything but the raw source. */
export function full(m: StoredMessage): SinkMessage {
  return { ...summary(m), text: m.text, html: m.html, headers: m.headers }
}

/** An in-memory mailbox holding at most `maxMessages`, newest first. */
export function createMessageStore(maxMessages: number) {
  const messages: StoredMessage[] = []
  const waiters = new Set<(m: StoredMessage) => void>()

  /** Resolves with the newest message the predicate accepts, already held or the next to arrive. */
  function waitFor(predicate: Predicate, timeoutMs: number, signal?: AbortSignal): Promise<StoredMessage> {
    const held = messages.find(predicate)
    if (held) return Promise.resolve(held)
    return new Promise((resolve, reject) => {
      const done = () => { clearTimeout(timer); waiters.delete(waiter); signal?.removeEventListener('abort', aborted) }
      const waiter = (m: StoredMessage) => { if (predicate(m)) { done(); resolve(m) } }
      const aborted = () => { done(); reject(new Error('waiting for a message was aborted')) }
      const timer = setTimeout(() => { done(); reject(new Error(`no matching message arrived within ${timeoutMs} ms`)) }, timeoutMs)
      waiters.add(waiter)
      signal?.addEventListener('abort', aborted)
    })
  }

  return {
    /** Keeps a received message, dropping the oldest beyond the limit, and wakes whoever waits for it. */
    add(message: StoredMessage): void {
      messages.unshift(message)
      if (messages.length > maxMessages) messages.length = maxMessages
      for (const waiter of [...waiters]) waiter(message)
    },
    get: (id: string): StoredMessage | undefined => messages.find((m) => m.id === id),
    /** Messages the filter accepts, newest first. */
    list: (filter: MessageFilter = {}): StoredMessage[] => messages.filter(matches(filter)),
    clear(): void { messages.length = 0 },
    waitFor,
  }
}
export type MessageStore = ReturnType<typeof createMessageStore>
