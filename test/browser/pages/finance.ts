import type { Page } from 'playwright-core'

export type PostingRow = { accountKey: string; kind: string; amount: number; debit: string; credit: string }
export type EntryTotals = { debits: number; credits: number; label: string }

/** The back office's Finance group: ledger entries and the trial balance. */
export class FinancePages {
  constructor(private readonly page: Page) {}

  private async openMenu(label: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: label, exact: true }).click()
  }

  /** Opens Ledger entries from the menu and narrows the list to one workflow's entries. */
  async findLedgerEntries(workflowId: string): Promise<void> {
    await this.openMenu('Ledger entries')
    const filter = this.page.locator('input[name="workflowId"]')
    await filter.waitFor({ timeout: 15_000 })
    await filter.fill(workflowId)
    // react-admin writes the filter into the URL after a debounce; navigating before that would be undone by it
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes(workflowId), { timeout: 15_000 })
    // the filter is debounced; wait until every listed row belongs to the workflow
    await this.page.waitForFunction(
      (id) => {
        const rows = Array.from(document.querySelectorAll('table tbody tr'))
        return rows.length > 0 && rows.every((row) => row.textContent?.includes(id))
      },
      workflowId,
      { timeout: 15_000, polling: 250 },
    )
  }

  /** Opens the (newest) listed entry; returns its id from the show page's URL. */
  async openFirstEntry(): Promise<string> {
    // rows navigate on click; wait for the show route itself, not only for its content
    await Promise.all([
      this.page.waitForURL(/\/ledger-entries\/[^/?]+\/show/, { timeout: 15_000 }),
      this.page.locator('table tbody tr').first().locator('td').first().click(),
    ])
    await this.page.getByTestId('postings-table').waitFor({ timeout: 15_000 })
    const id = /\/ledger-entries\/([^/]+)\/show/.exec(this.page.url())?.[1]
    if (!id) throw new Error(`not on a ledger entry page: ${this.page.url()}`)
    return decodeURIComponent(id)
  }

  async postings(): Promise<PostingRow[]> {
    return this.page.getByTestId('posting-row').evaluateAll((rows) =>
      // no named helpers in here: the callback runs in the page, outside the test's module
      rows.map((row) => ({
        accountKey: row.getAttribute('data-account-key') ?? '',
        kind: row.getAttribute('data-kind') ?? '',
        amount: Number(row.getAttribute('data-amount')),
        debit: (row.querySelector('[data-testid="posting-debit"]')?.textContent ?? '').trim(),
        credit: (row.querySelector('[data-testid="posting-credit"]')?.textContent ?? '').trim(),
      })),
    )
  }

  async totals(): Promise<EntryTotals[]> {
    return this.page.getByTestId('postings-total').evaluateAll((rows) =>
      rows.map((row) => ({
        debits: Number(row.getAttribute('data-debits')),
        credits: Number(row.getAttribute('data-credits')),
        label: (row.textContent ?? '').trim(),
      })),
    )
  }

  /** The entry's workflow link: href, target and shown text. */
  async workflowLink(): Promise<{ href: string | null; target: string | null; text: string }> {
    const link = this.page.getByTestId('temporal-link-workflowId')
    await link.waitFor({ timeout: 15_000 })
    return { href: await link.getAttribute('href'), target: await link.getAttribute('target'), text: (await link.innerText()).trim() }
  }

  /** Opens the trial balance from the menu; returns the status text and whether it reports balanced. */
  async trialBalance(): Promise<{ text: string; balanced: string | null; nets: number[] }> {
    await this.openMenu('Trial balance')
    const status = this.page.getByTestId('trial-balance-status')
    await status.waitFor({ timeout: 15_000 })
    const nets = await this.page.locator('[data-testid^="trial-balance-row-"]').evaluateAll((rows) =>
      rows.map((row) => Number(row.getAttribute('data-net'))))
    return { text: (await status.innerText()).trim(), balanced: await status.getAttribute('data-balanced'), nets }
  }
}
