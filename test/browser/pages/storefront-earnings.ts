import type { Page } from 'playwright-core'

export type BalanceView = { brand: string; currency: string; available: number; pending: number; inTransit: number; reserved: number; owed: number; minimum: number }
export type PayoutRowView = { id: string; status: string; amount: number | null; statusText: string; blockedGates: string[]; reason: string | null }
export type StatementLineView = { amount: number; what: string; account: string }
export type MethodView = { id: string; rail: string; status: string; display: string; failure: string | null }
/** One rail's destination, as the add form takes it (field names as in domain/payouts/destinations.ts). */
export type DestinationInput =
  | { rail: 'paxum'; holderName: string; email: string }
  | { rail: 'wise'; holderName: string; country: string; currency: string; iban?: string; accountNumber?: string; bankCode?: string }
  | { rail: 'ach'; holderName: string; routingNumber: string; accountNumber: string; accountType: 'checking' | 'savings' }
  | { rail: 'wire'; holderName: string; country: string; iban: string; bic: string }
  | { rail: 'crypto'; address: string }

const SELECTS = new Set(['country', 'currency', 'accountType'])

/** The creator studio's earnings page of a brand storefront (after the age gate, signed in as a creator). */
export class StorefrontEarnings {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens /<brand>/studio/earnings and waits until the balances have loaded (cards or the empty note). */
  async openEarnings(brand: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${brand}/studio/earnings`, { waitUntil: 'domcontentloaded' })
    await this.page.getByTestId('earnings-page').waitFor({ timeout: 30_000 })
    await this.page.locator('[data-testid="earnings-balance"], [data-testid="earnings-balances-empty"], [data-testid="earnings-balances-error"]')
      .first().waitFor({ timeout: 30_000 })
  }

  async balances(): Promise<BalanceView[]> {
    // no named helpers in the callback: it runs in the page, where the test bundle's __name wrapper does not exist
    const cards = await this.page.getByTestId('earnings-balance').evaluateAll((all) => all.map((card) => ({
      brand: card.getAttribute('data-brand') ?? '', currency: card.getAttribute('data-currency') ?? '',
      amounts: Object.fromEntries(Array.from(card.querySelectorAll('[data-testid^="earnings-balance-"][data-amount]'),
        (el) => [el.getAttribute('data-testid') ?? '', Number(el.getAttribute('data-amount'))])),
    })))
    return cards.map(({ brand, currency, amounts }) => {
      const amount = (id: string) => amounts[`earnings-balance-${id}`] ?? NaN
      return { brand, currency, available: amount('available'), pending: amount('pending'), inTransit: amount('in-transit'),
        reserved: amount('reserved'), owed: amount('owed'), minimum: amount('minimum') }
    })
  }

  async payoutRows(): Promise<PayoutRowView[]> {
    await this.page.locator('[data-testid="payout-row"], [data-testid="earnings-history-empty"]').first().waitFor({ timeout: 15_000 })
    return this.page.getByTestId('payout-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id') ?? '', status: r.getAttribute('data-status') ?? '',
      amount: r.getAttribute('data-amount') ? Number(r.getAttribute('data-amount')) : null,
      statusText: (r.querySelector('[data-testid="payout-row-status"]')?.textContent ?? '').trim(),
      blockedGates: Array.from(r.querySelectorAll('[data-testid="payout-row-gates"] li'), (li) => li.getAttribute('data-gate') ?? ''),
      reason: r.querySelector('[data-testid="payout-row-reason"]')?.textContent?.trim() ?? null,
    })))
  }

  /** Reloads the page every two seconds until the newest payout shows `status`; returns the rows then shown. */
  async waitForPayout(status: string, timeout = 120_000): Promise<PayoutRowView[]> {
    const deadline = Date.now() + timeout
    for (;;) {
      const rows = await this.payoutRows()
      if (rows[0]?.status === status) return rows
      if (Date.now() > deadline) throw new Error(`the newest payout never showed ${status}: ${JSON.stringify(rows)}`)
      await this.page.waitForTimeout(2000)
      await this.page.reload({ waitUntil: 'domcontentloaded' })
      await this.page.getByTestId('earnings-page').waitFor({ timeout: 30_000 })
    }
  }

  /** The statement lines shown on the page (newest first) and the closing balance. */
  async statement(): Promise<{ closing: number; amounts: number[] }> {
    const closing = this.page.getByTestId('statement-closing')
    await closing.waitFor({ timeout: 15_000 })
    const amounts = await this.page.getByTestId('statement-line').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-amount'))))
    return { closing: Number(await closing.getAttribute('data-amount')), amounts }
  }

  /** The statement lines shown (newest first): amount in minor units, what moved (as the creator reads it) and on which balance. */
  async statementLines(): Promise<StatementLineView[]> {
    await this.page.getByTestId('statement-closing').waitFor({ timeout: 15_000 })
    return this.page.getByTestId('statement-line').evaluateAll((rows) => rows.map((r) => {
      const cells = Array.from(r.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())
      return { amount: Number(r.getAttribute('data-amount')), what: cells[1] ?? '', account: cells[2] ?? '' }
    }))
  }

  /** Opens the add form, picks the rail, fills its fields and submits; returns the API's status (202 accepted, 422 refused). */
  async addMethod(destination: DestinationInput): Promise<number> {
    await this.page.getByTestId('method-add').click()
    await this.page.getByTestId('method-rail').selectOption(destination.rail)
    // the country decides Wise's fields (IBAN or account number + bank code): set it first
    const entries = Object.entries(destination).filter(([name]) => name !== 'rail').sort(([a], [b]) => Number(b === 'country') - Number(a === 'country'))
    for (const [name, value] of entries) {
      if (value === undefined) continue
      const field = this.page.getByTestId(`method-${name}`)
      if (SELECTS.has(name)) await field.selectOption(String(value))
      else await field.fill(String(value))
    }
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/me/payout-methods'),
      this.page.getByTestId('method-submit').click(),
    ])
    return response.status()
  }

  /** Waits until the method just added (polled every second) reaches `status`; returns the line the page shows. */
  async waitMethodStatus(status: 'VERIFIED' | 'FAILED' | 'PENDING_VERIFICATION', timeout = 60_000): Promise<string> {
    const line = this.page.locator(`[data-testid="method-add-status"][data-status="${status}"]`)
    await line.waitFor({ timeout })
    return (await line.innerText()).trim()
  }

  async methods(): Promise<MethodView[]> {
    return this.page.getByTestId('method-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id') ?? '', rail: r.getAttribute('data-rail') ?? '', status: r.getAttribute('data-status') ?? '',
      display: (r.querySelector('[data-testid="method-display"]')?.textContent ?? '').trim(),
      failure: r.querySelector('[data-testid="method-failure"]')?.textContent?.trim() ?? null,
    })))
  }

  /** Signs a tax form (the kind follows the country: W-9 for US, else W-8BEN or W-8BEN-E); returns the API's status once the page shows it. */
  async signTaxForm(form: { country: string; kind?: 'W-9' | 'W-8BEN' | 'W-8BEN-E'; tin: string; signedName: string }): Promise<number> {
    const resign = this.page.getByTestId('tax-form-resign')
    if (await resign.isVisible().catch(() => false)) await resign.click()
    await this.page.getByTestId('tax-form-country').selectOption(form.country)
    if (form.kind && form.country !== 'US') await this.page.getByTestId('tax-form-kind-select').selectOption(form.kind)
    await this.page.getByTestId('tax-form-tin').fill(form.tin)
    await this.page.getByTestId('tax-form-name').fill(form.signedName)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/me/tax-form'),
      this.page.getByTestId('tax-form-submit').click(),
    ])
    // signed: the page loads the form on file again; until then it still says none is
    if (response.status() === 201) await this.page.getByTestId('tax-form-on-file').waitFor({ timeout: 15_000 })
    return response.status()
  }

  /** The tax form on file as the page states it, or null when none is. */
  async taxFormOnFile(): Promise<{ kind: string | null; text: string } | null> {
    const onFile = this.page.getByTestId('tax-form-on-file')
    await onFile.or(this.page.getByTestId('tax-form-missing')).first().waitFor({ timeout: 15_000 })
    if (!(await onFile.count())) return null
    return { kind: await onFile.getAttribute('data-kind'), text: (await onFile.innerText()).trim() }
  }
}
