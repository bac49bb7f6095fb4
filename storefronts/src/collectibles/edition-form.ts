/** The create-edition form: what the creator typed, checked and turned into the API's units (cents, basis points). */
import { CURRENCIES, parseDecimal } from '../../../domain/money.ts'
import { formatPrice } from '../money'
import type { EditionInput } from './collectibles-api'

export type EditionFormValues = { mediaId: string; title: string; description: string; maxSupply: string; price: string; royalty: string }
/** Errors by the API's field names, so a refusal naming `priceMinor` lands beside the price input. */
export type EditionFormErrors = Partial<Record<'mediaId' | 'title' | 'description' | 'maxSupply' | 'priceMinor' | 'royaltyBps', string>>

export const EMPTY_EDITION_FORM: EditionFormValues = { mediaId: '', title: '', description: '', maxSupply: '10', price: '', royalty: '5' }

const CURRENCY = 'USD'
const TITLE_MAX = 120
const DESCRIPTION_MAX = 2000

/** '5' -> 500, '2.5' -> 250, '12.75' -> 1275: percent with at most two decimals as whole basis points; null if not that. */
export function percentToBps(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

function priceMinorOf(text: string): number | null {
  try {
    return parseDecimal(text.trim().replace(/^\$/, ''), CURRENCY)
  } catch {
    return null
  }
}

/** The request for the API, or the errors to show beside the fields (the API checks the brand's limits itself). */
export function readEditionForm(values: EditionFormValues, brand: string): { input?: EditionInput; errors: EditionFormErrors } {
  const errors: EditionFormErrors = {}
  const title = values.title.trim()
  const description = values.description.trim()
  if (!values.mediaId) errors.mediaId = 'Choose one of your published videos.'
  if (!title) errors.title = 'Give the collectible a title.'
  else if (title.length > TITLE_MAX) errors.title = `A title has at most ${TITLE_MAX} characters.`
  if (description.length > DESCRIPTION_MAX) errors.description = `A description has at most ${DESCRIPTION_MAX.toLocaleString()} characters.`
  const maxSupply = /^\d+$/.test(values.maxSupply.trim()) ? Number(values.maxSupply.trim()) : null
  if (maxSupply === null || maxSupply < 1 || !Number.isSafeInteger(maxSupply)) errors.maxSupply = 'An edition has a whole number of tokens, at least one.'
  const priceMinor = priceMinorOf(values.price)
  const { minPurchase, maxPurchase } = CURRENCIES[CURRENCY]
  if (priceMinor === null || priceMinor < minPurchase || priceMinor > maxPurchase) {
    errors.priceMinor = `Enter a price between ${formatPrice(minPurchase, CURRENCY)} and ${formatPrice(maxPurchase, CURRENCY)}.`
  }
  const royaltyBps = percentToBps(values.royalty)
  if (royaltyBps === null || royaltyBps > 10_000) errors.royaltyBps = 'Enter a royalty in percent, e.g. 5 or 2.5.'
  if (Object.keys(errors).length > 0 || maxSupply === null || priceMinor === null || royaltyBps === null) return { errors }
  return { errors, input: { brand, mediaId: values.mediaId, title, description, maxSupply, priceMinor, currency: CURRENCY, royaltyBps } }
}
