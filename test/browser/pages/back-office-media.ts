import type { Page } from 'playwright-core'

/** The moderators' review workspace in the back office. */
export class BackOfficeMedia {
  private readonly errors: string[] = []
  constructor(private readonly page: Page, private readonly baseUrl: string) {
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()) })
  }

  async openItem(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/#/media-reviews/${id}/show`, { waitUntil: 'domcontentloaded' })
    await this.page.getByRole('heading', { name: 'Machine findings' }).waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
      await this.page.screenshot({ path: 'test-artifacts/screenshots/media-review-open-failed.png' })
      throw new Error(`${String(err)}\n${this.errors.join('\n').slice(0, 3000)}`)
    })
  }

  /** Whether the preview player loaded the signed HLS preview far enough to know its duration. */
  async previewDuration(): Promise<number> {
    const video = this.page.locator('video[aria-label="Preview player"]')
    await video.waitFor({ timeout: 30_000 })
    await this.page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('video[aria-label="Preview player"]')
      return !!v && Number.isFinite(v.duration) && v.duration > 0
    }, undefined, { timeout: 30_000 })
    return video.evaluate((v: HTMLVideoElement) => v.duration)
  }

  /** Approves with the A shortcut's button, confirming the dialog when one opens. */
  async approve(): Promise<void> {
    await this.page.getByRole('button', { name: 'Approve', exact: true }).first().click()
    const confirm = this.page.getByRole('button', { name: 'Confirm' })
    if (await confirm.isVisible({ timeout: 2000 }).catch(() => false)) await confirm.click()
  }

  /** The review trail's actions, oldest first. */
  async trail(): Promise<string[]> {
    return this.page.getByTestId('review-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''))
  }
}
