import type { Page } from 'playwright-core'

export type PostCard = { id: string; priceMinor: number; title: string }
export type StartedPurchase = { id: string; workflowId: string; runId: string }
export type ReceiptView = { status: string; amount: string; tax: string; processor: string; transactionId: string; purchaseId: string }

const SESSION_KEY = 'fanz.storefront.session'

/** A brand storefront's posts, fan sign-in and checkout (after the age gate). */
export class StorefrontCheckout {
  constructor(private readonly page: Page) {}

  /** Signs in through the Log in dialog and waits until the hero names the fan. */
  async signIn(email: string, password: string): Promise<string> {
    await this.page.getByTestId('cta-login').click()
    await this.page.getByTestId('signin-email').fill(email)
    await this.page.getByTestId('signin-password').fill(password)
    await this.page.getByTestId('signin-submit').click()
    const signedIn = this.page.getByTestId('signed-in-as')
    await signedIn.waitFor({ timeout: 15_000 })
    return (await signedIn.innerText()).trim()
  }

  /** The bearer token the storefront keeps for the signed-in fan. */
  async fanToken(): Promise<string> {
    const raw = await this.page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)
    const token = raw ? (JSON.parse(raw) as { token?: string }).token : undefined
    if (!token) throw new Error('the storefront holds no fan session')
    return token
  }

  /** The post cards as listed, with their price in minor units. */
  async posts(): Promise<PostCard[]> {
    await this.page.locator('article[data-testid^="post-"]').first().waitFor({ timeout: 15_000 })
    return this.page.locator('article[data-testid^="post-"]').evaluateAll((cards) =>
      cards.map((card) => ({
        id: (card.getAttribute('data-testid') ?? '').replace(/^post-/, ''),
        priceMinor: Number(card.getAttribute('data-price-minor')),
        title: (card.querySelector('h3')?.textContent ?? '').trim(),
      })),
    )
  }

  unlockButton(postId: string) {
    return this.page.getByTestId(`unlock-${postId}`)
  }

  unlockedBadge(postId: string) {
    return this.page.getByTestId(`unlocked-${postId}`)
  }

  /** Opens checkout for a post, picks the test card and country, pays; returns the API's 202 answer. */
  async buy(postId: string, { card, country }: { card: string; country: string }): Promise<StartedPurchase> {
    await this.unlockButton(postId).click()
    await this.page.getByTestId('checkout-card').selectOption(card)
    await this.page.getByTestId('checkout-country').selectOption(country)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/purchases'),
      this.page.getByTestId('checkout-pay').click(),
    ])
    if (response.status() !== 202) throw new Error(`POST /api/purchases answered ${response.status()}: ${await response.text()}`)
    return (await response.json()) as StartedPurchase
  }

  /** Waits for the receipt (the payment workflow's outcome) and reads it. */
  async receipt(timeoutMs = 35_000): Promise<ReceiptView> {
    const receipt = this.page.getByTestId('receipt')
    await receipt.waitFor({ timeout: timeoutMs })
    const text = async (id: string) => (await receipt.getByTestId(id).innerText()).trim()
    return {
      status: await text('receipt-status'),
      amount: await text('receipt-amount'),
      tax: await text('receipt-tax'),
      processor: await text('receipt-processor'),
      transactionId: await text('receipt-transaction'),
      purchaseId: await text('receipt-purchase-id'),
    }
  }

  async closeCheckout(): Promise<void> {
    await this.page.getByTestId('checkout-close').click()
    await this.page.getByTestId('checkout').waitFor({ state: 'detached' })
  }
}
