/** Turns the raw RFC 822 source received over SMTP into the sink's message record, with mailparser. */
import { randomUUID } from 'node:crypto'
import { simpleParser, type AddressObject } from 'mailparser'
import type { SinkAddress, StoredMessage } from './store.ts'

/** The header our mail activity sets to name the template a message was rendered from. */
export const TEMPLATE_HEADER = 'x-fanz-template'

/** What the SMTP session knew about a message: its envelope and who authenticated. */
export type Delivery = { envelope: { from: string | null; to: string[] }; authUser: string | null }

const addresses = (field: AddressObject | AddressObject[] | undefined): SinkAddress[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((o) => o.value)
    .flatMap((a) => (a.group ?? [a]))
    .map((a) => ({ address: a.address ?? '', name: a.name }))

// folded header lines are joined back into one line for display
const headerValue = (line: string) => line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()

/** Parses one message; `receivedAt` is the time the DATA command finished. */
export async function parseMessage(raw: Buffer, delivery: Delivery, receivedAt = new Date()): Promise<StoredMessage> {
  const mail = await simpleParser(raw)
  const template = mail.headers.get(TEMPLATE_HEADER)
  return {
    id: randomUUID(),
    receivedAt: receivedAt.toISOString(),
    messageId: mail.messageId ?? null,
    template: typeof template === 'string' ? template : null,
    authUser: delivery.authUser,
    envelope: delivery.envelope,
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : null,
    headers: mail.headerLines.map((h) => ({ name: h.line.slice(0, h.line.indexOf(':')).trim(), value: headerValue(h.line) })),
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
    size: raw.length,
    raw,
  }
}
