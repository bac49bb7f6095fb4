/** The identity code's mail sender: the mail activities' templates, validated there (activities/mail). */
import { createMailActivities, type SendMailInput } from '../mail/index.ts'
import type { MailSender } from './deps.ts'

export function createMailSender(deps: { smtpUrl: string; from: string }): MailSender {
  const mail = createMailActivities(deps)
  return (message) => mail.sendMail(message as SendMailInput)
}
