import type { Page } from 'playwright-core'

/** The back office's payout screens (Finance group) the browser test walks: schedules, the approvals queue, one payout. */
export class BackOfficePayouts {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  private async goto(hashPath: string, ready: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/#${hashPath}`, { waitUntil: 'domcontentloaded' })
    await this.page.locator(ready).first().waitFor({ timeout: 30_000 })
  }

  /** The approvals queue, longest waiting first; waits for a row or the empty state. */
  async openApprovals(): Promise<void> {
    await this.goto('/payout-approvals', '[data-testid="approval-row"], [data-testid="approvals-empty"]')
  }

  private approvalRow(creatorName: string) {
    return this.page.locator(`[data-testid="approval-row"][data-creator="${creatorName}"]`).first()
  }

  /** The creators whose payouts wait, as listed. */
  async approvalCreators(): Promise<string[]> {
    return this.page.getByTestId('approval-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-creator') ?? ''))
  }

  /** Approves the creator's waiting payout from the queue; returns the API's 202 answer. */
  async approve(creatorName: string, note?: string): Promise<{ id: string; workflowId: string; decision: string }> {
    const row = this.approvalRow(creatorName)
    await row.waitFor({ timeout: 15_000 })
    await row.getByTestId('payout-approve').click()
    const dialog = this.page.getByTestId('decision-dialog')
    await dialog.waitFor({ timeout: 10_000 })
    if (note) await dialog.getByTestId('decision-note').fill(note)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/payout-items\/[^/]+\/decision$/.test(new URL(r.url()).pathname)),
      dialog.getByTestId('decision-confirm').click(),
    ])
    if (response.status() !== 202) {
      // the dialog stays open with the API's message (409 NOT_AWAITING_APPROVAL, 403 own payout)
      const message = await dialog.getByTestId('decision-error').innerText().catch(() => '')
      throw new Error(`decision answered ${response.status()}: ${message || await response.text()}`)
    }
    return (await response.json()) as { id: string; workflowId: string; decision: string }
  }

  /** Waits until the queue no longer lists the creator's payout (the decision is recorded before the API answers). */
  async waitDecided(creatorName: string): Promise<void> {
    await this.approvalRow(creatorName).waitFor({ state: 'detached', timeout: 15_000 })
  }

  /** Opens one payout's page (gates, attempts, history). */
  async openItem(id: string): Promise<void> {
    await this.goto(`/payout-items/${id}/show`, '[data-testid="payout-item-show"]')
  }

  /** The item page's status once it shows `expected` (the page may first render the list's cached copy), or what it shows after 15 s. */
  async itemStatus(expected?: string): Promise<string | null> {
    const show = this.page.getByTestId('payout-item-show')
    if (expected) await this.page.waitForFunction((s) => document.querySelector('[data-testid="payout-item-show"]')?.getAttribute('data-status') === s,
      expected, { timeout: 15_000, polling: 100 }).catch(() => undefined)
    return show.getAttribute('data-status')
  }

  async attempts(): Promise<{ rail: string; outcome: string }[]> {
    return this.page.getByTestId('attempt-row').evaluateAll((rows) =>
      rows.map((r) => ({ rail: r.getAttribute('data-rail') ?? '', outcome: r.getAttribute('data-outcome') ?? '' })))
  }

  async openSchedules(): Promise<void> {
    await this.goto('/payout-schedules', '[data-testid="schedule-row"]')
  }

  private scheduleRow(brand: string) {
    return this.page.locator(`[data-testid="schedule-row"][data-brand="${brand}"]`)
  }

  private async scheduleAction(brand: string, button: string, path: string, note?: string) {
    await this.scheduleRow(brand).getByTestId(button).click()
    const dialog = this.page.getByTestId('decision-dialog')
    await dialog.waitFor({ timeout: 10_000 })
    if (note) await dialog.getByTestId('decision-note').fill(note)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/payout-schedules/${brand}/${path}`),
      dialog.getByTestId('decision-confirm').click(),
    ])
    if (response.status() >= 300) throw new Error(`POST /api/payout-schedules/${brand}/${path} answered ${response.status()}: ${await response.text()}`)
    return response
  }

  /** "Run now": returns the started run's workflow id (202) once the notification with its Temporal link shows. */
  async schedulesRunNow(brand: string, note?: string): Promise<string> {
    const response = await this.scheduleAction(brand, 'schedule-run-now', 'trigger', note)
    if (response.status() !== 202) throw new Error(`trigger answered ${response.status()}`)
    const { workflowId } = (await response.json()) as { workflowId: string }
    await this.page.getByTestId('payout-run-started').waitFor({ timeout: 10_000 })
    return workflowId
  }
}
