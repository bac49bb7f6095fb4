/** The studio upload form: its values, and the checks made before a single byte is read or sent. */
import { formatMinor } from '../../../domain/money-display.ts'
import type { Currency } from '../../../domain/money.ts'
import { CURRENCIES, parseDecimal } from '../../../domain/money.ts'
import { contentTypeFor, parseTags } from '../../../domain/media/upload-plan.ts'
import { textProblem } from '../../../domain/media/text.ts'
import { ACCEPTED_TYPES, uploadProblem } from '../../../domain/media/upload-policy.ts'
import type { Access } from './media-types'
import type { UploadDetails } from './use-upload'

/** Largest source file the studio takes: the API's default MEDIA_MAX_BYTES (the API checks again with its configured limit). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3
/** The API's limits on what creators type. */
export const LIMITS = { title: 140, caption: 2000, tags: 20, tag: 40, performers: 10, alias: 100 } as const

/** For the file input: every type and extension the pipeline takes. */
export const ACCEPT_ATTRIBUTE = Object.entries(ACCEPTED_TYPES).flatMap(([type, exts]) => [type, ...exts]).join(',')

export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[]

export type PerformerRow = { key: number; alias: string; email: string }
export type UploadFormValues = {
  title: string; caption: string; tags: string; access: Access; price: string; currency: Currency; performers: PerformerRow[]
}
export type UploadFormErrors = { title?: string; caption?: string; tags?: string; price?: string; file?: string; performers?: Record<number, string> }

export const EMPTY_FORM: UploadFormValues = { title: '', caption: '', tags: '', access: 'ppv', price: '', currency: 'USD', performers: [] }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// the API refuses markup and control characters in anything a creator types, with these words
const notPlain = (field: string, value: string) => textProblem(field, value)?.message

/** Why this file cannot be uploaded (the same words the API would use), or null. */
export function fileProblem(file: File): string | null {
  const problem = uploadProblem({ fileName: file.name, contentType: contentTypeFor(file.name, file.type), sizeBytes: file.size }, MAX_UPLOAD_BYTES)
  return problem?.message ?? null
}

function priceProblem(values: UploadFormValues): { priceMinor?: number; error?: string } {
  const { minPurchase, maxPurchase } = CURRENCIES[values.currency]
  const range = `Enter a price between ${formatMinor(minPurchase, values.currency)} and ${formatMinor(maxPurchase, values.currency)}.`
  let priceMinor: number
  try {
    priceMinor = parseDecimal(values.price.trim(), values.currency)
  } catch {
    return { error: range }
  }
  return priceMinor < minPurchase || priceMinor > maxPurchase ? { error: range } : { priceMinor }
}

/** The request details, or the errors to show beside the fields. */
export function readUploadForm(values: UploadFormValues, file: File | null): { details?: UploadDetails; errors: UploadFormErrors } {
  const errors: UploadFormErrors = {}
  const title = values.title.trim()
  const caption = values.caption.trim()
  const tags = parseTags(values.tags)
  if (!title) errors.title = 'Give the video a title.'
  else errors.title = notPlain('title', title)
  errors.caption = notPlain('caption', caption)
  if (tags.length > LIMITS.tags) errors.tags = `Use at most ${LIMITS.tags} tags.`
  else if (tags.some((t) => t.length > LIMITS.tag)) errors.tags = `Keep each tag to ${LIMITS.tag} characters or fewer.`
  else errors.tags = tags.map((t) => notPlain('tag', t)).find(Boolean)
  if (!file) errors.file = 'Choose a video file.'
  else {
    const problem = fileProblem(file)
    if (problem) errors.file = problem
  }
  const price = values.access === 'ppv' ? priceProblem(values) : {}
  if (price.error) errors.price = price.error
  const performers = values.performers.filter((p) => p.alias.trim() || p.email.trim())
  const performerErrors: Record<number, string> = {}
  for (const p of performers) {
    const problem = !p.alias.trim() ? 'Enter the co-performer’s stage name.' : notPlain('stage name', p.alias)
      ?? (EMAIL.test(p.email.trim()) ? undefined : 'Enter the co-performer’s e-mail address: we invite them to confirm their 2257 record.')
    if (problem) performerErrors[p.key] = problem
  }
  if (Object.keys(performerErrors).length > 0) errors.performers = performerErrors
  if (Object.values(errors).some(Boolean)) return { errors }
  return {
    errors,
    details: {
      title, access: values.access,
      ...(caption ? { caption } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(values.access === 'ppv' ? { priceMinor: price.priceMinor, currency: values.currency } : {}),
      ...(performers.length > 0 ? { performers: performers.map((p) => ({ alias: p.alias.trim(), email: p.email.trim() })) } : {}),
    },
  }
}
