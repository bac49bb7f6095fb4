import type { Page } from 'playwright-core'

export type PerformerRecordRow = { id: string; text: string; aliases: string[] }

/** The back office's 2257 performer records (compliance role only), searchable by alias or legal name. */
export class PerformerRecordPages {
  constructor(private readonly page: Page) {}

  /** Opens 2257 records from the menu and waits for its search box. */
  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '2257 records', exact: true }).click()
    await this.page.waitForURL((url) => url.hash.startsWith('#/performer-records'), { timeout: 30_000 })
    await this.page.locator('input[name="q"]').waitFor({ timeout: 30_000 })
  }

  /** Searches by a name and returns the listed rows once every one of them mentions it. */
  async search(name: string, timeoutMs = 30_000): Promise<PerformerRecordRow[]> {
    await this.page.locator('input[name="q"]').fill(name)
    // react-admin writes the filter into the URL after a debounce, then lists what the API found
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes(name), { timeout: timeoutMs })
    await this.page.waitForFunction(
      (text) => {
        const rows = Array.from(document.querySelectorAll('tr[data-testid="performer-record-row"]'))
        return rows.length > 0 && rows.every((row) => row.textContent?.includes(text))
      },
      name,
      { timeout: timeoutMs, polling: 250 },
    )
    return this.page.getByTestId('performer-record-row').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-record-id') ?? '',
        text: (row.textContent ?? '').trim(),
        aliases: Array.from(row.querySelectorAll('[data-testid="performer-aliases"] .MuiChip-label'), (chip) => (chip.textContent ?? '').trim()),
      })),
    )
  }
}
