import type { Page } from 'playwright-core'

export type CheckRow = { name: string; result: string; latency: string; detail: string }
export type StartedCheck = { id: string; workflowId: string; runId: string }

/** The react-admin back office served under /admin. */
export class AdminApp {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Signs in through the login form and waits for the dashboard (its workflow counts show for every staff role). */
  async login(email: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/`, { waitUntil: 'domcontentloaded' })
    // a cold start of the 1 MB bundle on a busy CI machine can take a while
    await this.page.locator('input[name="email"]').waitFor({ timeout: 60_000 })
    await this.page.locator('input[name="email"]').fill(email)
    await this.page.locator('input[name="password"]').fill(password)
    await this.page.locator('button[type="submit"]').click()
    await this.page.getByTestId('workflow-counts').waitFor({ timeout: 30_000 })
  }

  runButton() {
    return this.page.getByTestId('run-platform-check')
  }

  /** Clicks "Run platform check" and returns the API's 202 answer for the started workflow. */
  async runPlatformCheck(): Promise<StartedCheck> {
    const [response] = await Promise.all([
      this.page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/platform-checks',
      ),
      this.runButton().click(),
    ])
    if (response.status() !== 202) {
      throw new Error(`POST /api/platform-checks answered ${response.status()}: ${await response.text()}`)
    }
    return (await response.json()) as StartedCheck
  }

  /** Waits until the dashboard shows the finished result of check `id`; returns the verdict text. */
  async waitForResult(id: string, timeoutMs = 60_000): Promise<string> {
    await this.page.waitForFunction(
      (checkId) => {
        const status = document.querySelector('[data-testid="platform-check-status"]')
        return status?.getAttribute('data-check-id') === checkId && status.getAttribute('data-status') !== 'RUNNING'
      },
      id,
      { timeout: timeoutMs, polling: 250 },
    )
    return (await this.page.getByTestId('platform-check-status').innerText()).trim()
  }

  /** The rows of the platform check table, cell texts in column order. */
  async checkRows(): Promise<CheckRow[]> {
    return this.page.locator('[data-testid^="platform-check-row-"]').evaluateAll((rows) =>
      rows.map((row) => {
        const [name = '', result = '', latency = '', detail = ''] = Array.from(row.querySelectorAll('td'), (td) =>
          (td.textContent ?? '').trim(),
        )
        return { name, result, latency, detail }
      }),
    )
  }

  /** The Temporal UI link of the check's workflow: href, target and shown text. */
  async workflowLink(): Promise<{ href: string | null; target: string | null; text: string }> {
    const link = this.page.getByTestId('platform-check-workflow-link')
    await link.waitFor()
    return {
      href: await link.getAttribute('href'),
      target: await link.getAttribute('target'),
      text: (await link.innerText()).trim(),
    }
  }
}
