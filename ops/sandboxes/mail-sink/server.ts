/** A local stand-in for the outside world's mailboxes: an SMTP server that keeps what it receives, and an HTTP API to read it. */
import type { AddressInfo } from 'node:net'
import { listen } from '../listen.ts'
import { createSinkApi } from './http.ts'
import { createSmtpServer } from './smtp.ts'
import { createMessageStore, type Predicate, type StoredMessage } from './store.ts'

export type MailSinkOptions = {
  /** 0 = any free port */
  smtpPort: number
  /** HTTP API port; default 0 = any free port */
  httpPort?: number
  /** how many messages to keep; older ones are dropped */
  maxMessages: number
  /** default 10 MiB; larger messages are refused with 552 */
  maxMessageBytes?: number
  host?: string
}

function listenSmtp(server: ReturnType<typeof createSmtpServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.server.address() as AddressInfo).port)
    })
  })
}

/** Starts both listeners on loopback; `close()` stops them. */
export async function createMailSink(options: MailSinkOptions) {
  const host = options.host ?? '127.0.0.1'
  const store = createMessageStore(options.maxMessages)
  const smtp = createSmtpServer({ store, maxMessageBytes: options.maxMessageBytes ?? 10 * 1024 * 1024 })
  // a client dropping mid-session is routine for a sink; it must not end the process
  smtp.on('error', () => undefined)
  const app = createSinkApi(store)
  const smtpPort = await listenSmtp(smtp, options.smtpPort, host)
  const http = await listen(app, options.httpPort ?? 0, host).catch(async (err: unknown) => {
    await new Promise<void>((done) => smtp.close(() => done()))
    throw err
  })
  return {
    app,
    smtpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpPort: http.port,
    url: http.url,
    /** Messages held, newest first. */
    messages: (): StoredMessage[] => store.list(),
    /** Resolves with the first message (held or arriving) the predicate accepts; rejects after timeoutMs. */
    waitFor: (predicate: Predicate, timeoutMs: number): Promise<StoredMessage> => store.waitFor(predicate, timeoutMs),
    clear: () => store.clear(),
    close: async () => {
      await Promise.all([http.close(), new Promise<void>((done) => smtp.close(() => done()))])
    },
  }
}
export type MailSink = Awaited<ReturnType<typeof createMailSink>>
