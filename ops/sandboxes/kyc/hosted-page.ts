/** Server-rendered HTML of the sandbox's hosted verification flow: one plain form, no scripts, escaped values. */
import { DECLINE_REASONS, DOCUMENT_TYPES, HOSTED_OUTCOMES, RESUBMISSION_REASONS } from './decisions.ts'
import type { SandboxSession } from './state.ts'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)

const OUTCOME_LABELS: Record<(typeof HOSTED_OUTCOMES)[number], string> = {
  approved: 'Approve', declined: 'Decline', resubmission_requested: 'Request resubmission', review: 'Send to review',
}

/** The form's current values: what was posted, else what the merchant sent at session creation. */
export type FormValues = Partial<Record<'firstName' | 'lastName' | 'dateOfBirth' | 'documentType' | 'documentNumber' | 'documentCountry'
  | 'documentValidUntil' | 'outcome' | 'reasonCode', string>>

/** A complete HTML page around already-escaped body markup. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
}

const input = (name: keyof FormValues, label: string, values: FormValues, type = 'text', extra = '') =>
  `<p><label for="${name}">${label}</label> `
  + `<input id="${name}" name="${name}" type="${type}" value="${escapeHtml(values[name])}" required ${extra}></p>`

function select(name: keyof FormValues, label: string, options: [string, string][], values: FormValues): string {
  const items = options.map(([value, text]) =>
    `<option value="${escapeHtml(value)}"${values[name] === value ? ' selected' : ''}>${escapeHtml(text)}</option>`).join('')
  return `<p><label for="${name}">${label}</label> <select id="${name}" name="${name}">${items}</select></p>`
}

const reasonOptions = (): [string, string][] => [
  ['', 'Default for the outcome'],
  ...Object.entries(DECLINE_REASONS).map(([code, text]): [string, string] => [code, `Decline ${code}: ${text}`]),
  ...Object.entries(RESUBMISSION_REASONS).map(([code, text]): [string, string] => [code, `Resubmit ${code}: ${text}`]),
]

/** The verification form: the person's legal name and date of birth, the document, and the outcome to report. */
export function verificationForm(session: SandboxSession, values: FormValues, errors: string[] = []): string {
  const problems = errors.length ? `<ul role="alert">${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>` : ''
  return page('Verify your identity', `${problems}
<form method="post" action="/v/${escapeHtml(session.sessionToken)}">
<fieldset><legend>Person, as on the document</legend>
${input('firstName', 'First name', values)}${input('lastName', 'Last name', values)}${input('dateOfBirth', 'Date of birth', values, 'date')}
</fieldset>
<fieldset><legend>Document</legend>
${select('documentType', 'Document type', DOCUMENT_TYPES.map((t) => [t, t.replace('_', ' ').toLowerCase()]), values)}
${input('documentNumber', 'Document number', values, 'text', 'pattern="[A-Za-z0-9]{1,30}"')}
${input('documentCountry', 'Issuing country (ISO alpha-2)', values, 'text', 'pattern="[A-Z]{2}" maxlength="2"')}
${input('documentValidUntil', 'Valid until', values, 'date')}
<p>Document front, document back and a selfie are captured automatically.</p>
</fieldset>
<fieldset><legend>Sandbox outcome</legend>
${select('outcome', 'Outcome', HOSTED_OUTCOMES.map((o) => [o, OUTCOME_LABELS[o]]), values)}
${select('reasonCode', 'Reason', reasonOptions(), values)}
</fieldset>
<p><button type="submit">Submit verification</button></p>
</form>`)
}

/** Initial values: the merchant's data, and a document a tester can submit unchanged. */
export function defaultValues(session: SandboxSession): FormValues {
  return {
    firstName: session.person.firstName ?? '', lastName: session.person.lastName ?? '', dateOfBirth: session.person.dateOfBirth ?? '',
    documentType: 'PASSPORT', documentNumber: 'X1234567', documentCountry: 'US',
    documentValidUntil: new Date(Date.now() + 5 * 365 * 86_400_000).toISOString().slice(0, 10), outcome: 'approved', reasonCode: '',
  }
}
