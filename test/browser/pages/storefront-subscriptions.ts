import type { Page } from 'playwright-core'

export type PlanCardView = { id: string; name: string }
export type StartedSubscription = { id: string; workflowId: string; runId: string }
export type OutcomeView = { status: string; amount: string; next: string; subscriptionId: string }

/** A brand storefront's subscription plans, the subscribe panel and the fan's subscriptions page (after the age gate, signed in). */
export class StorefrontSubscriptions {
  constructor(private readonly page: Page) {}

  /** The plan cards as listed. */
  async plans(): Promise<PlanCardView[]> {
    const cards = this.page.locator('article[data-testid^="plan-"]')
    await cards.first().waitFor({ timeout: 15_000 })
    return cards.evaluateAll((list) => list.map((card) => ({
      id: (card.getAttribute('data-testid') ?? '').replace(/^plan-/, ''),
      name: card.getAttribute('data-plan-name') ?? '',
    })))
  }

  /** Opens the subscribe panel of a plan, makes the choices, submits; returns the API's 202 answer. */
  async subscribe(planId: string, o: { tier: string; months: number; promo?: string; card: string; country: string }): Promise<StartedSubscription> {
    await this.page.getByTestId(`subscribe-${planId}`).click()
    await this.page.getByTestId('subscribe-tier').selectOption(o.tier)
    await this.page.getByTestId('subscribe-period').selectOption(String(o.months))
    if (o.promo) await this.page.getByTestId('subscribe-promo').fill(o.promo)
    await this.page.getByTestId('subscribe-card').selectOption(o.card)
    await this.page.getByTestId('subscribe-country').selectOption(o.country)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/subscriptions'),
      this.page.getByTestId('subscribe-submit').click(),
    ])
    if (response.status() !== 202) throw new Error(`POST /api/subscriptions answered ${response.status()}: ${await response.text()}`)
    return (await response.json()) as StartedSubscription
  }

  /** Waits for the workflow's answer in the panel (subscribed, or why not) and reads it. */
  async outcome(timeoutMs = 35_000): Promise<OutcomeView> {
    const outcome = this.page.getByTestId('subscribe-outcome')
    await outcome.waitFor({ timeout: timeoutMs })
    const text = async (id: string) => (await outcome.getByTestId(id).innerText()).trim()
    return { status: await text('subscribe-outcome-status'), amount: await text('subscribe-outcome-amount'),
      next: await text('subscribe-outcome-next'), subscriptionId: await text('subscribe-outcome-id') }
  }

  /** Follows the panel's link to /<brand>/account/subscriptions. */
  async openSubscriptionsPage(): Promise<void> {
    await this.page.getByTestId('subscribe-manage').click()
    await this.page.getByTestId('subscriptions-page').waitFor({ timeout: 15_000 })
  }

  item(subscriptionId: string) {
    return this.page.getByTestId(`subscription-${subscriptionId}`)
  }

  /** Status text and next billing date as the account page shows them. */
  async itemView(subscriptionId: string): Promise<{ status: string; nextBilling: string | null }> {
    const item = this.item(subscriptionId)
    await item.waitFor({ timeout: 15_000 })
    const next = item.getByTestId('subscription-next-billing')
    return { status: (await item.getByTestId('subscription-status').innerText()).trim(),
      nextBilling: (await next.count()) > 0 ? (await next.innerText()).trim() : null }
  }

  /** Cancels now from the account page and waits until the page shows the subscription as cancelled. */
  async cancelNow(subscriptionId: string): Promise<void> {
    await this.item(subscriptionId).getByTestId('subscription-cancel-now').click()
    await this.page.locator(`[data-testid="subscription-${subscriptionId}"][data-status="CANCELLED"]`).waitFor({ timeout: 30_000 })
  }
}
