import type { Page } from 'playwright-core'

export type CycleRowView = { status: string | null; amount: number; runHref: string | null }

/** The back office's subscription page (Finance group): the billing history with each event's run. */
export class BackOfficeSubscriptions {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(subscriptionId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/#/subscriptions/${subscriptionId}/show`)
    await this.page.getByTestId('cycle-table').waitFor({ timeout: 15_000 })
  }

  /** The rows of the billing history table, newest first. */
  async cycleRows(): Promise<CycleRowView[]> {
    return this.page.locator('[data-testid="cycle-row"]').evaluateAll((rows) => rows.map((row) => ({
      status: row.getAttribute('data-status'), amount: Number(row.getAttribute('data-amount')),
      runHref: row.querySelector('a[data-testid="cycle-run-link"]')?.getAttribute('href') ?? null,
    })))
  }
}
