/** The sink's SMTP listener: accepts any sender, with or without AUTH PLAIN/LOGIN, and keeps what it receives. */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import { parseMessage } from './parse.ts'
import type { MessageStore } from './store.ts'

/** Recipients at this domain are refused with 550, so senders can test permanent bounces. */
export const REJECTED_DOMAIN = 'rejected.test'

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode })

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, store: MessageStore): Promise<string> {
  const raw = await readAll(stream)
  if (stream.sizeExceeded) throw smtpError(552, 'Message exceeds the sink\'s size limit')
  const { mailFrom, rcptTo } = session.envelope
  const message = await parseMessage(raw, {
    envelope: { from: mailFrom ? mailFrom.address : null, to: rcptTo.map((r) => r.address) },
    authUser: session.user ?? null,
  })
  store.add(message)
  return `Queued as ${message.id}`
}

/** The store to keep messages in, and the size above which DATA is refused. */
export type SmtpOptions = { store: MessageStore; maxMessageBytes: number }

/** Plain SMTP on loopback: STARTTLS is not offered, AUTH is optional and any credentials are accepted. */
export function createSmtpServer({ store, maxMessageBytes }: SmtpOptions): SMTPServer {
  return new SMTPServer({
    name: 'mail-sink.fanz.local',
    banner: 'Fanz local mail sink',
    logger: false,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
    // production-like SMTP URLs carry credentials; the sink takes them without TLS and records the user
    authOptional: true,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    size: maxMessageBytes,
    // sessions still open at shutdown are cut after a second instead of the default 30
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      if (!auth.username) return callback(smtpError(535, 'A user name is required'))
      callback(null, { user: auth.username })
    },
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase()
      callback(domain === REJECTED_DOMAIN ? smtpError(550, `5.1.1 <${address.address}>: mailbox unavailable`) : null)
    },
    onData(stream, session, callback) {
      receive(stream, session, store).then((reply) => callback(null, reply), (err: Error) => callback(err))
    },
  })
}
