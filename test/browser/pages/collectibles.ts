import type { Page } from 'playwright-core'

export type EditionCardView = { id: string; status: string; sold: number; maxSupply: number; priceMinor: number; title: string; creator: string; supply: string
  soldOut: boolean }
export type StartedCollectiblePurchase = { purchaseId: string; workflowId: string }
export type MintOutcomeView = { status: string; text: string; serial: number | null; tokenId: string; txHash: string; ownerAddress: string; purchaseId: string }
export type OwnedTokenView = { tokenId: string; serial: number; editionId: string; txHash: string; title: string }
export type EditionTokenRow = { id: string; status: string; serial: number | null; tokenId: string; buyer: string; purchaseId: string; txKey: string
  workflowId: string }
export type EditionTxRow = { id: string; key: string; purpose: string; status: string; minedHash: string; attempts: number; workflowId: string }

/** A brand storefront's collectible pages (after the age gate, signed in as a fan): the editions, the buy panel, My collectibles. */
export class StorefrontCollectibles {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  /** /<brand>/collectibles, waiting for its editions (or the empty state). */
  async open(slug: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${slug}/collectibles`, { waitUntil: 'domcontentloaded' })
    await this.page.locator('article[data-testid^="edition-"], [data-testid="collectibles-empty"]').first().waitFor({ timeout: 30_000 })
  }

  card(editionId: string) {
    return this.page.getByTestId(`edition-${editionId}`)
  }

  /** The edition cards as listed. */
  async editions(): Promise<EditionCardView[]> {
    return this.page.locator('article[data-testid^="edition-"]').evaluateAll((cards) => cards.map((card) => ({
      id: (card.getAttribute('data-testid') ?? '').replace(/^edition-/, ''),
      status: card.getAttribute('data-status') ?? '',
      sold: Number(card.getAttribute('data-sold')),
      maxSupply: Number(card.getAttribute('data-max-supply')),
      priceMinor: Number(card.getAttribute('data-price-minor')),
      title: (card.querySelector('[data-testid="edition-title"]')?.textContent ?? '').trim(),
      creator: (card.querySelector('[data-testid="edition-creator"]')?.textContent ?? '').trim(),
      supply: (card.querySelector('[data-testid="edition-supply"]')?.textContent ?? '').trim(),
      soldOut: card.querySelector('[data-testid="edition-sold-out"]') !== null,
    })))
  }

  buyButton(editionId: string) {
    return this.page.getByTestId(`edition-buy-${editionId}`)
  }

  /** Opens the buy panel, picks the test card and country and pays; returns the API's 202 answer. */
  async buy(editionId: string, { card, country }: { card: string; country: string }): Promise<StartedCollectiblePurchase> {
    await this.buyButton(editionId).click()
    const panel = this.page.getByTestId('collectible-buy')
    await panel.waitFor({ timeout: 10_000 })
    await panel.getByTestId('buy-card').selectOption(card)
    await panel.getByTestId('buy-country').selectOption(country)
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/collectibles/${editionId}/purchases`),
      panel.getByTestId('buy-pay').click(),
    ])
    if (response.status() !== 202) throw new Error(`POST /api/collectibles/${editionId}/purchases answered ${response.status()}: ${await response.text()}`)
    return (await response.json()) as StartedCollectiblePurchase
  }

  /** Waits for the sale's outcome (charge, mint and confirmations) and reads it. */
  async outcome(timeoutMs = 100_000): Promise<MintOutcomeView> {
    const outcome = this.page.getByTestId('mint-outcome')
    const error = this.page.getByTestId('buy-error')
    await outcome.or(error).first().waitFor({ timeout: timeoutMs })
    // a refusal, or a sale still undecided when the panel stopped following it
    if (await error.count()) throw new Error(`the buy panel says: ${(await error.innerText()).trim()}`)
    const text = async (id: string) => ((await outcome.getByTestId(id).count()) ? (await outcome.getByTestId(id).innerText()).trim() : '')
    const serial = await outcome.getAttribute('data-serial')
    return {
      status: (await outcome.getAttribute('data-status')) ?? '',
      text: await text('mint-status'),
      serial: serial ? Number(serial) : null,
      tokenId: await text('mint-token-id'),
      txHash: await text('mint-tx-hash'),
      ownerAddress: await text('mint-owner'),
      purchaseId: await text('mint-purchase-id'),
    }
  }

  async closeBuy(): Promise<void> {
    await this.page.getByTestId('collectible-buy-close').click()
    await this.page.getByTestId('collectible-buy').waitFor({ state: 'detached' })
  }

  /** Follows the outcome's link to /<brand>/account/collectibles and waits for the wallet and tokens. */
  async openMineFromOutcome(): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/account\/collectibles$/, { timeout: 15_000 }),
      this.page.getByTestId('mint-my-collectibles').click(),
    ])
    await this.waitMine()
  }

  async openMine(slug: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${slug}/account/collectibles`, { waitUntil: 'domcontentloaded' })
    await this.waitMine()
  }

  private async waitMine(): Promise<void> {
    await this.page.locator('[data-testid="my-tokens"], [data-testid="my-tokens-empty"], [data-testid="my-collectibles-error"]').first().waitFor({ timeout: 30_000 })
  }

  /** The wallet address My collectibles shows, or null when the fan has none yet. */
  async walletAddress(): Promise<string | null> {
    const address = this.page.getByTestId('my-wallet-address')
    return (await address.count()) ? (await address.innerText()).trim() : null
  }

  async ownedTokens(): Promise<OwnedTokenView[]> {
    return this.page.getByTestId('my-token').evaluateAll((rows) => rows.map((r) => ({
      tokenId: r.getAttribute('data-token-id') ?? '',
      serial: Number(r.getAttribute('data-serial')),
      editionId: r.getAttribute('data-edition-id') ?? '',
      txHash: r.getAttribute('data-tx-hash') ?? '',
      title: (r.querySelector('[data-testid="my-token-title"]')?.textContent ?? '').trim(),
    })))
  }
}

/** The back office's Collectibles screens: one edition (tokens, chain transactions) and one chain transaction (attempts). */
export class BackOfficeCollectibles {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  /** Opens the edition's page and waits for the detail (not the list's cached row): its tokens and transactions. */
  async openEdition(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/#/collectible-editions/${id}/show`, { waitUntil: 'domcontentloaded' })
    await this.waitLoaded(id)
  }

  private async waitLoaded(id: string): Promise<void> {
    await this.page.locator(`[data-testid="edition-show"][data-id="${id}"][data-loaded="true"]`).waitFor({ timeout: 30_000 })
    // workflow links carry their ids once /api/meta has loaded (plain text before): the edition's own link says it has
    await this.page.getByTestId('edition-show').getByTestId('temporal-link-workflowId').waitFor({ timeout: 15_000 })
  }

  async editionStatus(): Promise<string | null> {
    return this.page.getByTestId('edition-show').getAttribute('data-status')
  }

  async sold(): Promise<string> {
    return (await this.page.getByTestId('edition-sold').innerText()).replace(/^Sold\s*/, '').trim()
  }

  async tokens(): Promise<EditionTokenRow[]> {
    return this.page.getByTestId('token-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id') ?? '',
      status: r.getAttribute('data-status') ?? '',
      serial: r.getAttribute('data-serial') ? Number(r.getAttribute('data-serial')) : null,
      tokenId: r.getAttribute('data-token-id') ?? '',
      buyer: r.getAttribute('data-buyer') ?? '',
      purchaseId: r.getAttribute('data-purchase-id') ?? '',
      txKey: r.getAttribute('data-tx-key') ?? '',
      workflowId: r.querySelector('[data-testid="token-workflow-link"]')?.getAttribute('data-workflow-id') ?? '',
    })))
  }

  async transactions(): Promise<EditionTxRow[]> {
    return this.page.getByTestId('edition-tx-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id') ?? '',
      key: r.getAttribute('data-key') ?? '',
      purpose: r.getAttribute('data-purpose') ?? '',
      status: r.getAttribute('data-status') ?? '',
      minedHash: r.getAttribute('data-mined-hash') ?? '',
      attempts: Number(r.getAttribute('data-attempts')),
      workflowId: r.querySelector('[data-testid="edition-tx-workflow-link"]')?.getAttribute('data-workflow-id') ?? '',
    })))
  }

  /** Reloads the edition page every two seconds until `ready` holds for what it shows (read models trail the workflow a little). */
  async waitForEdition(id: string, ready: (tokens: EditionTokenRow[], txs: EditionTxRow[]) => boolean, timeout = 60_000) {
    const deadline = Date.now() + timeout
    for (;;) {
      const [tokens, txs] = [await this.tokens(), await this.transactions()]
      if (ready(tokens, txs)) return { tokens, txs }
      if (Date.now() > deadline) throw new Error(`the edition page never showed what was expected: ${JSON.stringify({ tokens, txs })}`)
      await this.page.waitForTimeout(2000)
      await this.page.reload({ waitUntil: 'domcontentloaded' })
      await this.waitLoaded(id)
    }
  }

  /** Follows a transaction row's "open" link to the transaction's page; returns what it shows. */
  async openTransaction(txId: string): Promise<{ status: string; purpose: string; attempts: number; minedAttempt: string | null }> {
    await Promise.all([
      this.page.waitForURL(new RegExp(`/chain-transactions/${txId}/show`), { timeout: 15_000 }),
      this.page.locator(`[data-testid="edition-tx-row"][data-id="${txId}"]`).getByTestId('edition-tx-open').click(),
    ])
    const show = this.page.getByTestId('chain-tx-show')
    await show.waitFor({ timeout: 15_000 })
    const mined = this.page.locator('[data-testid="chain-tx-attempt-row"][data-mined="true"]')
    return {
      status: (await show.getAttribute('data-status')) ?? '',
      purpose: (await show.getAttribute('data-purpose')) ?? '',
      attempts: Number(await show.getAttribute('data-attempts')),
      minedAttempt: (await mined.count()) ? await mined.first().getAttribute('data-hash') : null,
    }
  }
}
