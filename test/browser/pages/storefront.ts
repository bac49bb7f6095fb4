import type { Page } from 'playwright-core'

/** One brand's storefront, opened by path (/boyfanz). */
export class StorefrontPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(slug: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${slug}`, { waitUntil: 'domcontentloaded' })
    // the app renders either the gate or the landing page; wait for one of them
    await this.page.locator('[data-testid="age-gate"], [data-testid="brand-name"]').first().waitFor()
  }

  ageGate() {
    return this.page.getByTestId('age-gate')
  }

  async isAgeGateVisible(): Promise<boolean> {
    return this.ageGate().isVisible()
  }

  async passAgeGate(): Promise<void> {
    await this.page.getByTestId('age-gate-enter').click()
    await this.page.getByTestId('brand-name').waitFor()
  }

  async brandName(): Promise<string> {
    return (await this.page.getByTestId('brand-name').innerText()).trim()
  }

  /** The brand slug the app resolved, from <html data-brand>. */
  async dataBrand(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-brand')
  }

  /** Value of the --brand-primary custom property on <html>. */
  async primaryColorVariable(): Promise<string> {
    return this.page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim(),
    )
  }

  /** Computed colour of the brand name heading, as the browser paints it (rgb(...)). */
  async brandNameColor(): Promise<string> {
    return this.page.getByTestId('brand-name').evaluate((el) => getComputedStyle(el).color)
  }

  async title(): Promise<string> {
    return this.page.title()
  }

  async otherBrandLinks(): Promise<string[]> {
    return this.page.locator('footer a[data-testid^="footer-brand-"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    )
  }
}

/** '#ff1f3d' -> 'rgb(255, 31, 61)', the form getComputedStyle reports. */
export function hexToRgb(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16))
  return `rgb(${r}, ${g}, ${b})`
}
