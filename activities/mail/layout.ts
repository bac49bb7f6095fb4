/** Renders a template's words into the plain-text and HTML parts of one email, in the brand's colours. */
import type { Brand } from '../../domain/brands.ts'
import { TEMPLATES, type MailContent, type MailTemplate } from './templates.ts'

export type RenderedMail = { subject: string; text: string; html: string }

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)

function renderText(c: MailContent, brand: Brand): string {
  return [
    c.greeting,
    ...c.paragraphs,
    ...(c.code ? [`Code: ${c.code}`] : []),
    ...(c.action ? [`${c.action.label}: ${c.action.url}`] : []),
    ...(c.note ? [c.note] : []),
    `— ${brand.name}`,
  ].join('\n\n') + '\n'
}

function renderHtml(c: MailContent, brand: Brand): string {
  const e = escapeHtml
  const { primary, text, surface } = brand.tokens
  const p = (s: string) => `<p style="margin:0 0 16px">${e(s)}</p>`
  const code = c.code ? `<p style="margin:0 0 16px;font-size:28px;letter-spacing:6px;font-weight:bold">${e(c.code)}</p>` : ''
  const action = c.action
    ? `<p style="margin:0 0 16px"><a href="${e(c.action.url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;`
      + `background:${e(primary)};color:#ffffff;text-decoration:none;font-weight:bold">${e(c.action.label)}</a></p>`
      + `<p style="margin:0 0 16px;font-size:12px;word-break:break-all">${e(c.action.url)}</p>`
    : ''
  const note = c.note ? `<p style="margin:0 0 16px;font-size:12px;opacity:0.8">${e(c.note)}</p>` : ''
  return `<!doctype html><html><head><meta charset="utf-8"><title>${e(c.subject)}</title></head>`
    + `<body style="margin:0;padding:24px;background:${e(surface)};color:${e(text)};font-family:Arial,sans-serif;font-size:15px">`
    + `<h1 style="margin:0 0 24px;color:${e(primary)};font-size:22px">${e(brand.name)}</h1>`
    + p(c.greeting) + c.paragraphs.map(p).join('') + code + action + note
    + '</body></html>'
}

/** Validates the data against the template's schema (a ZodError when it does not fit; MailData says what fits) and renders both parts. */
export function renderMail(template: MailTemplate, data: unknown): RenderedMail {
  const { brand, content } = TEMPLATES[template].render(data)
  return { subject: content.subject, text: renderText(content, brand), html: renderHtml(content, brand) }
}
