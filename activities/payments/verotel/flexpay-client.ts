/**
 * FlexPay one-click purchase: the documented `startorder` call with `type=purchase`, `paymentMethod=CC` and the
 * `oneClickToken` of the fan's earlier purchase, which Verotel processes without showing its order page.
 *
 * Documented: the parameters, the signature (oneClickToken and email are left out of it), that referenceID must be
 * unique per shop. Not public: the machine-readable answer to a server-side call. We read it as flat `name: value`
 * lines (the format of FlexPay's salestatus answer); the signed sale postback stays the record of truth.
 */
import { FLEXPAY_VERSION } from './codes.ts'
import { flexpaySignature } from './signature.ts'

export type FlexpayConfig = { flexpayBaseUrl: string; shopId: string; signatureKey: string; fetch: typeof fetch }

export type OneClickPurchase = {
  oneClickToken: string
  priceAmount: string
  priceCurrency: string
  description: string
  /** our idempotency key: Verotel refuses a second sale with the same referenceID, the sandbox replays the first */
  referenceID: string
  custom1: string
  custom2: string
}

/** The answer: `ok` is false for a 4xx the request itself caused (bad parameters), with Verotel's fields either way. */
export type OneClickReply = { ok: boolean; status: number; fields: Record<string, string> }

/** Flat `name: value` lines (a YAML subset: no nesting); surrounding quotes are removed, other lines ignored. */
export function parseFlatYaml(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w.]*):(?:\s+(.*))?$/.exec(line.trim())
    if (m?.[1]) fields[m[1]] = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2')
  }
  return fields
}

// 100 printable characters is FlexPay's limit for the description shown to the buyer
const printable = (text: string, max: number) => text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max)

export function createFlexpayClient(config: FlexpayConfig) {
  return {
    /** Runs one one-click purchase; throws on transport failures, 5xx, refused credentials and rate limits. */
    async purchase(p: OneClickPurchase): Promise<OneClickReply> {
      const signed: Record<string, string> = {
        version: FLEXPAY_VERSION, type: 'purchase', shopID: config.shopId, paymentMethod: 'CC',
        priceAmount: p.priceAmount, priceCurrency: p.priceCurrency, description: printable(p.description, 100),
        referenceID: p.referenceID, custom1: p.custom1, custom2: p.custom2,
      }
      // FlexPay drops empty optional parameters before signing, and so do we
      for (const [name, value] of Object.entries(signed)) if (value === '') delete signed[name]
      const query = new URLSearchParams({ ...signed, signature: flexpaySignature(config.signatureKey, signed), oneClickToken: p.oneClickToken })
      const res = await config.fetch(`${config.flexpayBaseUrl}/startorder?${query}`, { headers: { Accept: 'text/plain' } })
      if (res.status >= 500 || res.status === 401 || res.status === 403 || res.status === 429) {
        throw new Error(`Verotel startorder failed with HTTP ${res.status} (check the shop ID and FlexPay signature key)`)
      }
      return { ok: res.ok, status: res.status, fields: parseFlatYaml(await res.text()) }
    },
  }
}
