import type { Page } from 'playwright-core'

export type RunTotalView = { status: string; count: number; amount: number }
export type RunItemView = { id: string; status: string; creator: string; amount: number | null; blockedGates: string[] }
export type ScheduleView = { brand: string; paused: boolean; state: string | null; nextRun: string }
export type CaseView = { id: string; kind: string; status: string; providerRef: string }

/** The back office's payout screens (Finance group): runs, the approvals queue, one payout, reconciliation cases, schedules. */
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

  approvalRow(creatorName: string) {
    return this.page.locator(`[data-testid="approval-row"][data-creator="${creatorName}"]`).first()
  }

  /** The creators whose payouts wait, as listed. */
  async approvalCreators(): Promise<string[]> {
    return this.page.getByTestId('approval-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-creator') ?? ''))
  }

  /** Approves the creator's waiting payout from the queue; returns the API's 202 answer. */
  async approve(creatorName: string, note?: string): Promise<{ id: string; workflowId: string; decision: string }> {
    return this.decide(creatorName, 'approve', note)
  }

  /** Rejects the creator's waiting payout from the queue (a note is required). */
  async reject(creatorName: string, note: string): Promise<{ id: string; workflowId: string; decision: string }> {
    return this.decide(creatorName, 'reject', note)
  }

  private async decide(creatorName: string, decision: 'approve' | 'reject', note?: string) {
    const row = this.approvalRow(creatorName)
    await row.waitFor({ timeout: 15_000 })
    await row.getByTestId(`payout-${decision}`).click()
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

  /**
   * Waits until the queue no longer offers a decision on the creator's payout: the row says "Approved"/"Rejected" until the
   * list is loaded again, then leaves the queue (it waits no more). Returns what the row showed last ('gone' once left).
   */
  async waitDecided(creatorName: string): Promise<string> {
    const row = this.approvalRow(creatorName)
    await this.page.waitForFunction((name) => {
      const rows = Array.from(document.querySelectorAll('[data-testid="approval-row"]')).filter((r) => r.getAttribute('data-creator') === name)
      return rows.every((r) => !r.querySelector('[data-testid="payout-approve"]'))
    }, creatorName, { timeout: 15_000, polling: 100 })
    // the list may reload (and drop the row) at any moment
    return ((await row.getByTestId('approval-decided').innerText({ timeout: 1_000 }).catch(() => 'gone'))).trim()
  }

  /** The error the decision dialog shows (after a refused decision). */
  async decisionError(): Promise<string> {
    return (await this.page.getByTestId('decision-error').innerText()).trim()
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

  async gates(): Promise<{ gate: string; passed: boolean }[]> {
    return this.page.getByTestId('gate-row').evaluateAll((rows) =>
      rows.map((r) => ({ gate: r.getAttribute('data-gate') ?? '', passed: r.getAttribute('data-passed') === 'true' })))
  }

  async attempts(): Promise<{ rail: string; outcome: string }[]> {
    return this.page.getByTestId('attempt-row').evaluateAll((rows) =>
      rows.map((r) => ({ rail: r.getAttribute('data-rail') ?? '', outcome: r.getAttribute('data-outcome') ?? '' })))
  }

  async historyAmounts(): Promise<number[]> {
    return this.page.getByTestId('history-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-amount'))))
  }

  async openRuns(brand?: string): Promise<void> {
    const filter = brand ? `?filter=${encodeURIComponent(JSON.stringify({ brand }))}` : ''
    await this.goto(`/payout-runs${filter}`, '[data-testid="payout-run-row"]')
  }

  /** Opens a run's page and waits for its items table. */
  async openRun(id: string): Promise<void> {
    await this.goto(`/payout-runs/${id}/show`, '[data-testid="payout-run-show"]')
    await this.page.locator('[data-testid="payout-item-row"], [data-testid="payout-run-totals"]').first().waitFor({ timeout: 15_000 }).catch(() => undefined)
  }

  async runStatus(): Promise<string | null> {
    return this.page.getByTestId('payout-run-show').getAttribute('data-status')
  }

  async runTotals(): Promise<RunTotalView[]> {
    return this.page.getByTestId('payout-run-total').evaluateAll((chips) => chips.map((c) => ({
      status: c.getAttribute('data-status') ?? '', count: Number(c.getAttribute('data-count')), amount: Number(c.getAttribute('data-amount')),
    })))
  }

  async runItems(): Promise<RunItemView[]> {
    return this.page.getByTestId('payout-item-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id') ?? '', status: r.getAttribute('data-status') ?? '', creator: r.getAttribute('data-creator') ?? '',
      amount: r.getAttribute('data-amount') ? Number(r.getAttribute('data-amount')) : null,
      blockedGates: Array.from(r.querySelectorAll('[data-testid="gate-blocked"]'), (g) => g.getAttribute('data-gate') ?? ''),
    })))
  }

  /** Narrows the run's items table to one status with its totals chip. */
  async filterRunItems(status: string): Promise<void> {
    await this.page.locator(`[data-testid="payout-run-total"][data-status="${status}"]`).click()
    await this.page.waitForFunction((s) => Array.from(document.querySelectorAll('[data-testid="payout-item-row"]')).every((r) => r.getAttribute('data-status') === s),
      status, { timeout: 15_000, polling: 250 })
  }

  /** Clicks "Export CSV" and returns the downloaded file's name and text. */
  async exportRunCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 30_000 }), this.page.getByTestId('payout-run-export').click()])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
  }

  /** The run's workflow link (Temporal UI): href, target and shown text. */
  async runWorkflowLink(): Promise<{ href: string | null; target: string | null; text: string }> {
    const link = this.page.getByTestId('temporal-link-workflowId')
    await link.waitFor({ timeout: 15_000 })
    return { href: await link.getAttribute('href'), target: await link.getAttribute('target'), text: (await link.innerText()).trim() }
  }

  async openSchedules(): Promise<void> {
    await this.goto('/payout-schedules', '[data-testid="schedule-row"]')
  }

  async schedules(): Promise<ScheduleView[]> {
    return this.page.getByTestId('schedule-row').evaluateAll((rows) => rows.map((r) => ({
      brand: r.getAttribute('data-brand') ?? '', paused: r.getAttribute('data-paused') === 'true',
      state: r.querySelector('[data-testid="schedule-state"]')?.getAttribute('data-state') ?? null,
      nextRun: (r.querySelector('[data-testid="schedule-next-run"]')?.textContent ?? '').trim(),
    })))
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

  /** Pauses the brand's schedule and waits until its row shows paused. */
  async schedulesPause(brand: string, note?: string): Promise<void> {
    await this.scheduleAction(brand, 'schedule-pause', 'pause', note)
    await this.page.locator(`[data-testid="schedule-row"][data-brand="${brand}"][data-paused="true"]`).waitFor({ timeout: 15_000 })
  }

  async schedulesResume(brand: string, note?: string): Promise<void> {
    await this.scheduleAction(brand, 'schedule-resume', 'unpause', note)
    await this.page.locator(`[data-testid="schedule-row"][data-brand="${brand}"][data-paused="false"]`).waitFor({ timeout: 15_000 })
  }

  /** "Run now": returns the started run's workflow id (202) once the notification with its Temporal link shows. */
  async schedulesRunNow(brand: string, note?: string): Promise<string> {
    const response = await this.scheduleAction(brand, 'schedule-run-now', 'trigger', note)
    if (response.status() !== 202) throw new Error(`trigger answered ${response.status()}`)
    const { workflowId } = (await response.json()) as { workflowId: string }
    await this.page.getByTestId('payout-run-started').waitFor({ timeout: 10_000 })
    return workflowId
  }

  /** The reconciliation cases on a tab (open or resolved), optionally of one run. */
  async openCases(tab: 'open' | 'resolved' = 'open', runId?: string): Promise<void> {
    const filter = { status: tab.toUpperCase(), ...(runId ? { runId } : {}) }
    await this.page.goto(`${this.baseUrl}/admin/#/reconciliation-cases?filter=${encodeURIComponent(JSON.stringify(filter))}`, { waitUntil: 'domcontentloaded' })
    await this.page.getByTestId(`case-tab-${tab}`).waitFor({ timeout: 30_000 })
  }

  async cases(): Promise<CaseView[]> {
    return this.page.getByTestId('case-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id') ?? '', kind: r.getAttribute('data-kind') ?? '', status: r.getAttribute('data-status') ?? '',
      providerRef: r.getAttribute('data-provider-ref') ?? '',
    })))
  }

  /** Resolves the case with this provider reference, writing the resolution. */
  async resolveCase(providerRef: string, resolution: string): Promise<void> {
    const row = this.page.locator(`[data-testid="case-row"][data-provider-ref="${providerRef}"]`).first()
    await row.getByTestId('case-resolve').click()
    const dialog = this.page.getByTestId('resolve-dialog')
    await dialog.getByTestId('resolve-resolution').fill(resolution)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/reconciliation-cases\/[^/]+\/resolve$/.test(new URL(r.url()).pathname)),
      dialog.getByTestId('resolve-confirm').click(),
    ])
    if (response.status() !== 200) throw new Error(`resolve answered ${response.status()}: ${await response.text()}`)
  }
}
