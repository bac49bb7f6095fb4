/** Mail sink configuration, parsed once at boot; nothing else in the mail sink reads process.env. */
import { z } from 'zod'
import { parseEnv, port } from '../../../domain/env.ts'

const schema = z.object({
  MAIL_SINK_SMTP_PORT: port(8625).describe('SMTP port of the local mail sink, on 127.0.0.1; the platform\'s SMTP_URL points here'),
  MAIL_SINK_HTTP_PORT: port(8626).describe('HTTP API of the local mail sink, on 127.0.0.1; the API\'s MAIL_SINK_URL points here'),
  MAIL_SINK_MAX_MESSAGES: z.coerce.number().int().min(1).max(10_000).default(500).describe('messages kept in memory, newest first'),
})

export type MailSinkConfig = z.output<typeof schema>
/** Parses the environment; a bad value ends the process at boot with every bad variable named. */
export const loadMailSinkConfig = (env: Record<string, string | undefined> = process.env): Readonly<MailSinkConfig> =>
  parseEnv(schema, env)
