/** Outgoing mail over SMTP: renders a template and sends it under a Message-ID derived from the idempotency key. */
import { createHash } from 'node:crypto'
import { ApplicationFailure } from '@temporalio/activity'
import nodemailer from 'nodemailer'
import { z, ZodError } from 'zod'
import { MAIL_FAILURES, toMailFailure } from './failures.ts'
import { renderMail, type RenderedMail } from './layout.ts'
import { TEMPLATES, type MailData, type MailTemplate } from './templates.ts'

/** Names the template in every message, so mailboxes and the back office can tell the kinds apart. */
export const TEMPLATE_HEADER = 'X-Fanz-Template'

/** One email, checked at compile time against the template's data; the key comes from business ids (`${workflowId}:activated`). */
export type TypedMail = { [K in MailTemplate]: { idempotencyKey: string; to: string; template: K; data: MailData[K] } }[MailTemplate]
/** What the activity accepts: activity input is JSON from a workflow history, so template and data are validated when it runs. */
export type SendMailInput = TypedMail | { idempotencyKey: string; to: string; template: string; data: Record<string, unknown> }
export type SendMailResult = { messageId: string; accepted: string[] }

export type MailDeps = {
  /** smtp://user:pass@host:port or smtps://… */
  smtpUrl: string
  /** e.g. "Fanz" <no-reply@mail.fanz.example> */
  from: string
  /** right-hand side of Message-IDs; default: the domain of `from` */
  messageIdDomain?: string
}

const envelope = z.object({ idempotencyKey: z.string().min(1).max(500), to: z.email() })

/** `<sha256(key)@domain>`: every attempt for one key carries the same Message-ID, so receivers can drop duplicates. */
export const messageIdFor = (idempotencyKey: string, domain: string): string =>
  `<${createHash('sha256').update(idempotencyKey).digest('hex')}@${domain}>`

function domainOf(from: string): string {
  const domain = /@([\w.-]+\.[a-z]{2,}|[\w-]+)>?\s*$/i.exec(from)?.[1]
  if (!domain) throw new Error(`MAIL_FROM has no domain to build Message-IDs from: ${from}`)
  return domain.toLowerCase()
}

const isTemplate = (name: string): name is MailTemplate => Object.hasOwn(TEMPLATES, name)

function render(input: SendMailInput): RenderedMail {
  if (!isTemplate(input.template)) {
    throw ApplicationFailure.nonRetryable(`There is no mail template named ${input.template}.`, MAIL_FAILURES.invalidInput)
  }
  try {
    envelope.parse(input)
    return renderMail(input.template, input.data)
  } catch (err) {
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')
      throw ApplicationFailure.nonRetryable(`${input.template} mail is not valid: ${issues}`, MAIL_FAILURES.invalidInput)
    }
    throw err
  }
}

/** Mail activities over one SMTP transport; the caller's idempotency key decides the Message-ID. */
export function createMailActivities({ smtpUrl, from, messageIdDomain }: MailDeps) {
  const domain = messageIdDomain ?? domainOf(from)
  // short timeouts: the activity's retry policy, not a hanging socket, decides how long we keep trying
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
  return {
    /** Sends one transactional email (verification, password reset, KYC, welcome, escalation) to one address. */
    async sendMail(input: SendMailInput): Promise<SendMailResult> {
      const mail = render(input)
      const messageId = messageIdFor(input.idempotencyKey, domain)
      try {
        const info = await transport.sendMail({ from, to: input.to, messageId, headers: { [TEMPLATE_HEADER]: input.template }, ...mail })
        return { messageId, accepted: info.accepted }
      } catch (err) {
        throw toMailFailure(err)
      }
    },
  }
}
