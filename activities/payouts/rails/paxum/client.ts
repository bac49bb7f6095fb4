/** Paxum's Payment API: one form POST endpoint, each request signed with `key`, XML answers. */
import { createHash } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'

/** `requestTimeoutMs`: each request is aborted after it, well inside the activity's 2-minute startToClose (default 45 s). */
export type PaxumClientConfig = { baseUrl: string; fromEmail: string; sharedSecret: string; fetch: typeof fetch; requestTimeoutMs?: number }

/** The fields of a Paxum `<Response>`, as text (ResponseCode '00' must stay a string). */
export type PaxumReply = { ResponseCode: string; ResponseDescription: string } & Record<string, unknown>

/** Codes that say our setup or Paxum is at fault, not the payee: thrown, so the activity retries once it is fixed. */
const NOT_A_VERDICT: Record<string, string> = {
  '03': 'Invalid Merchant (check the Paxum fromEmail and shared secret)', '30': 'Format Error', '66': 'API Method Disabled',
  '67': 'API Disabled', IM: 'Invalid Method Name', '13': 'System Error', MA: 'API Maintenance', MT: 'Transfer Funds Maintenance',
}

const parser = new XMLParser({ parseTagValue: false, trimValues: true, isArray: (name) => name === 'Transaction' })

/**
 * The documented key rule: MD5(sharedSecret + the method's values in its documented order), optional values left out
 * when absent (https://us.paxum.com/developers/api-documentation/).
 */
export const paxumKey = (sharedSecret: string, values: readonly (string | undefined)[]): string =>
  createHash('md5').update(sharedSecret + values.filter((v) => v !== undefined && v !== '').join(''), 'utf8').digest('hex')

export function createPaxumClient(config: PaxumClientConfig) {
  const url = `${config.baseUrl.replace(/\/$/, '')}/payment/api/paymentAPI.php`
  return {
    /**
     * Calls `method` with `fields` (undefined ones are not sent) and `keyed`, the values the key covers in order.
     * Throws on transport failures, timeouts (`requestTimeoutMs`, or `signal` aborting), non-2xx answers, unreadable XML
     * and the codes that are no verdict on the payout.
     */
    async call(method: string, fields: Record<string, string | undefined>, keyed: readonly (string | undefined)[], signal?: AbortSignal): Promise<PaxumReply> {
      const form = new URLSearchParams({ method, fromEmail: config.fromEmail })
      for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== '') form.set(name, value)
      form.set('key', paxumKey(config.sharedSecret, keyed))
      // bounded, so a slow attempt is over before a retry looks in the history for what it did
      const timeout = AbortSignal.timeout(config.requestTimeoutMs ?? 45_000)
      const res = await config.fetch(url, {
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/xml' }, body: form.toString(),
      })
      if (!res.ok) throw new Error(`Paxum ${method} failed with HTTP ${res.status}`)
      const reply = (parser.parse(await res.text()) as { Response?: PaxumReply }).Response
      if (!reply || typeof reply.ResponseCode !== 'string') throw new Error(`Paxum ${method} answered without a ResponseCode`)
      const fault = NOT_A_VERDICT[reply.ResponseCode]
      if (fault) throw new Error(`Paxum ${method} answered ${reply.ResponseCode} ${fault}`)
      return reply
    },
  }
}
export type PaxumClient = ReturnType<typeof createPaxumClient>
