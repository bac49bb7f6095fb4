import type { Page } from 'playwright-core'

/** The creator studio (upload with progress, item status) and the public video page of a brand storefront. */
export class StorefrontMedia {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  /** Fills the upload form, picks the file and submits; records every value the upload progress bar took, until the item page opens. */
  async upload(slug: string, file: string, fields: { title: string; tags: string; price: string }): Promise<{ id: string; progress: number[] }> {
    const progress: number[] = []
    // a small file uploads faster than any polling: the page reports each change of the bar itself
    await this.page.exposeFunction('__uploadProgress', (value: string) => { progress.push(Number(value)) })
    await this.page.addInitScript(() => {
      new MutationObserver((changes) => {
        for (const c of changes) {
          const el = c.target as Element
          if (el.getAttribute('aria-label') === 'Upload progress') (window as unknown as { __uploadProgress(v: string): void }).__uploadProgress(el.getAttribute('aria-valuenow') ?? '')
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] })
    })
    await this.page.goto(`${this.baseUrl}/${slug}/studio/upload`, { waitUntil: 'domcontentloaded' })
    await this.page.getByTestId('upload-file').setInputFiles(file)
    await this.page.getByTestId('upload-title').fill(fields.title)
    await this.page.getByTestId('upload-tags').fill(fields.tags)
    await this.page.getByTestId('upload-access-ppv').check()
    await this.page.getByTestId('upload-price').fill(fields.price)
    await this.page.getByTestId('upload-submit').click()
    await this.page.waitForURL(/\/studio\/media\/[0-9a-f-]{36}$/, { timeout: 120_000 })
    return { id: new URL(this.page.url()).pathname.split('/').pop()!, progress }
  }

  /** Waits on the studio item page (it polls the API) until the item has `status`; returns the sentence the creator reads. */
  async waitForStatus(status: string, timeout = 120_000): Promise<string> {
    await this.page.locator(`[data-testid="studio-item"][data-status="${status}"]`).waitFor({ timeout })
    return (await this.page.getByTestId('media-status-text').innerText()).trim()
  }

  /** The per-rendition progress bars the studio showed (name -> last value). */
  async renditionBars(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Renditions' }).getByRole('progressbar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''))
  }

  async openVideo(slug: string, id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${slug}/media/${id}`, { waitUntil: 'domcontentloaded' })
  }

  /** What a fan sees on a video page: the player, or the locked offer. */
  async access(): Promise<'player' | 'locked'> {
    const player = this.page.locator('video[aria-label="Video player"]')
    const locked = this.page.getByTestId('media-locked')
    await player.or(locked).first().waitFor({ timeout: 30_000 })
    return (await locked.count()) ? 'locked' : 'player'
  }

  /** Plays the video for a moment and returns how far it got (seconds), proving segments arrived and decoded. */
  async playFor(ms: number): Promise<number> {
    const video = this.page.locator('video[aria-label="Video player"]')
    await video.waitFor({ timeout: 30_000 })
    await video.evaluate((v: HTMLVideoElement) => { v.muted = true; return v.play() })
    await this.page.waitForTimeout(ms)
    return video.evaluate((v: HTMLVideoElement) => v.currentTime)
  }
}
