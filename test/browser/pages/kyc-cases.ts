import type { Page } from 'playwright-core'

export type EvidenceRow = { field: string; mismatch: boolean; text: string }
export type KycDecisionInput = { decision: 'approve' | 'decline' | 'request_resubmission'; reasonCode: string; reason: string }
export type DecidedCase = { status: string; reasonCode: string | null }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The back office's KYC queue and case page (compliance and admins): evidence, captured images, the decide panel. */
export class KycCasePages {
  constructor(private readonly page: Page) {}

  /** Opens KYC cases from the menu; the queue opens on the cases that need a human review. */
  async openQueue(): Promise<void> {
    await this.page.getByRole('menuitem', { name: 'KYC cases', exact: true }).click()
    await this.page.waitForURL((url) => url.hash.startsWith('#/kyc-cases'), { timeout: 30_000 })
  }

  /** The queue row of the person with this email (exact match, not a substring of another address). */
  rowOf(email: string) {
    const emailCell = this.page.getByTestId('kyc-case-email').filter({ hasText: new RegExp(`^${escapeRegExp(email)}$`) })
    return this.page.getByTestId('kyc-case-row').filter({ has: emailCell })
  }

  /** Opens the person's case from the queue; returns the case id the row carries. */
  async openCaseOf(email: string): Promise<{ caseId: string; rowStatus: string | null }> {
    const row = this.rowOf(email)
    await row.waitFor({ timeout: 30_000 })
    const caseId = await row.getAttribute('data-case-id')
    const rowStatus = await row.getAttribute('data-status')
    if (!caseId) throw new Error(`the queue row of ${email} names no case`)
    // rows navigate on click; wait for the show route itself, not only for its content
    await Promise.all([
      this.page.waitForURL((url) => url.hash.startsWith(`#/kyc-cases/${caseId}/show`), { timeout: 30_000 }),
      row.locator('td').first().click(),
    ])
    await this.page.getByTestId('kyc-evidence').waitFor({ timeout: 30_000 })
    return { caseId, rowStatus }
  }

  /** The evidence table: declared beside provider-read values, with the rows the panel flags as differing. */
  async evidence(): Promise<EvidenceRow[]> {
    return this.page.locator('[data-testid^="kyc-evidence-"][data-mismatch]').evaluateAll((rows) =>
      rows.map((row) => ({
        field: (row.getAttribute('data-testid') ?? '').replace(/^kyc-evidence-/, ''),
        mismatch: row.getAttribute('data-mismatch') === 'true',
        text: (row.textContent ?? '').trim(),
      })),
    )
  }

  /** Waits until at least one captured image has loaded (they are fetched with the bearer token); returns the shown kinds. */
  async loadedImages(timeoutMs = 30_000): Promise<string[]> {
    const selector = 'img[data-testid^="kyc-media-"]'
    await this.page.waitForFunction(
      (css) => Array.from(document.querySelectorAll<HTMLImageElement>(css)).some((img) => img.complete && img.naturalWidth > 0),
      selector,
      { timeout: timeoutMs, polling: 250 },
    )
    return this.page.locator(selector).evaluateAll((imgs) =>
      imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).map((img) => img.getAttribute('data-testid') ?? ''))
  }

  /** Records a decision through the decide panel; returns the API's answer (the case state after the workflow took it). */
  async decide(caseId: string, input: KycDecisionInput): Promise<DecidedCase> {
    const panel = this.page.getByTestId('kyc-decide-panel')
    await panel.waitFor({ timeout: 30_000 })
    await panel.getByTestId(`kyc-decision-${input.decision}`).click()
    await panel.getByTestId('kyc-reason-code').selectOption(input.reasonCode)
    await panel.getByTestId('kyc-reason').fill(input.reason)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/kyc-cases/${caseId}/decision`,
        { timeout: 60_000 }),
      panel.getByTestId('kyc-decision-submit').click(),
    ])
    if (response.status() !== 200) throw new Error(`POST /api/kyc-cases/${caseId}/decision answered ${response.status()}: ${await response.text()}`)
    return (await response.json()) as DecidedCase
  }

  /** Waits until the case page shows `status`; reloads, because the read model is written just after the workflow decided. */
  async waitForCaseStatus(status: string, timeoutMs = 60_000): Promise<void> {
    const chip = this.page.locator(`[data-testid="kyc-case-status"][data-status="${status}"]`)
    const deadline = Date.now() + timeoutMs
    for (;;) {
      try {
        await chip.waitFor({ timeout: 5_000 })
        return
      } catch (error) {
        if (Date.now() > deadline) throw error
      }
      await this.page.reload({ waitUntil: 'domcontentloaded' })
    }
  }
}
