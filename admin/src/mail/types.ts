/** A message held by the local mail sink, as /api/mail-messages returns it. */
export { MAIL_TEMPLATES } from '../../../activities/mail/template-names.ts'

export type MailAddress = { address: string; name: string }

export type MailMessage = {
  id: string
  receivedAt: string
  messageId: string | null
  template: string | null
  authUser: string | null
  envelope: { from: string | null; to: string[] }
  from: MailAddress[]
  to: MailAddress[]
  cc: MailAddress[]
  subject: string
  attachments: { filename: string | null; contentType: string; size: number }[]
  size: number
  /** only on the show view */
  text?: string
  html?: string | null
  headers?: { name: string; value: string }[]
}

/** "Rex <rex@example.test>, ops@fanz.test" */
export const formatAddresses = (list: MailAddress[]): string =>
  list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ')
