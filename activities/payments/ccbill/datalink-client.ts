/** CCBill DataLink subscriptionManagement.cgi: GET with credentials in the query, CSV answer ("field" header, "value" row). */

export type DatalinkConfig = {
  datalinkBaseUrl: string
  clientAccnum: string
  clientSubacc: string
  username: string
  password: string
  fetch: typeof fetch
}

export type DatalinkAction = 'refundTransaction' | 'voidTransaction' | 'viewSubscriptionStatus' | 'cancelSubscription'

/** Splits one CSV line of double-quoted (or bare) values; DataLink values never contain commas or quotes. */
const splitCsvLine = (line: string): string[] => line.split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'))

/** Header line + first value line as a record; an answer without a value line is malformed. */
export function parseDatalinkCsv(text: string): Record<string, string> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  const [header, values] = [lines[0], lines[1]]
  if (header === undefined || values === undefined) throw new Error(`DataLink answered without a value line: '${text.slice(0, 80)}'`)
  const names = splitCsvLine(header)
  const cells = splitCsvLine(values)
  return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']))
}

export function createDatalinkClient(config: DatalinkConfig) {
  return {
    /** Runs one action for a subscription; throws on transport failures and 5xx, returns the parsed CSV otherwise. */
    async call(action: DatalinkAction, params: Record<string, string>, idempotencyKey?: string): Promise<Record<string, string>> {
      const query = new URLSearchParams({
        action, clientAccnum: config.clientAccnum, clientSubacc: config.clientSubacc, usingSubacc: config.clientSubacc,
        username: config.username, password: config.password, ...params,
      })
      // the header is ignored by CCBill; the sandbox replays the first answer for it (the real de-duplication is
      // the status lookup the driver makes before every refund)
      const headers: Record<string, string> = idempotencyKey ? { 'X-Idempotency-Key': idempotencyKey } : {}
      const res = await config.fetch(`${config.datalinkBaseUrl}/utils/subscriptionManagement.cgi?${query}`, { headers })
      if (!res.ok) throw new Error(`CCBill DataLink ${action} failed with HTTP ${res.status}`)
      return parseDatalinkCsv(await res.text())
    },
  }
}
