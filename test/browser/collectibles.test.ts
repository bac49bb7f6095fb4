import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, describe, it } from 'mocha'
import { creatorWithPublishedMedia, openEdition, untilEditionSettled } from '../support/collectibles.ts'
import { api } from '../support/stack.ts'
import { AdminApp } from './pages/admin-app.ts'
import { BackOfficeCollectibles, StorefrontCollectibles } from './pages/collectibles.ts'
import { StorefrontCheckout } from './pages/storefront-checkout.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { screenshot, useBrowser } from './support/browser.ts'

const BRAND = 'boyfanz'
// Fox Fan, BoyFanz's demo fan: buying a collectible unlocks no post, so the PPV test's locked posts stay locked
const FAN = { email: 'fan2@fanz.demo', password: 'FanzDemo!2026', name: 'Fox Fan' }
const FINANCE = { email: 'finance@fanz.demo', password: 'FanzDemo!2026' }
const PRICE_MINOR = 1500
const MAX_SUPPLY = 5

type Edition = { id: string; status: string; refusal: { code: string; reason: string | null } | null; creator: { id: string; name: string }; sold: number
  maxSupply: number; workflowId: string }

/**
 * A verified creator (KYC approved, 2257 record current: the edition's gate asks for both, which the demo creator lacks) opens an
 * edition of a published video through the API; returns it once its workflow has put it on chain and on sale.
 */
async function liveEditionTitled(title: string): Promise<Edition> {
  const { creator, mediaId } = await creatorWithPublishedMedia(BRAND)
  const opened = await openEdition(creator.token, { brand: BRAND, mediaId, title, maxSupply: MAX_SUPPLY, priceMinor: PRICE_MINOR, royaltyBps: 500 })
  assert.equal(opened.status, 202, JSON.stringify(opened.body))
  const settled = await untilEditionSettled(creator.token, opened.body.id as string)
  const edition = settled.body as Edition
  assert.equal(edition.status, 'LIVE', `the edition was not put on sale: ${JSON.stringify(edition.refusal)}`)
  return edition
}

describe('collectibles, a fan buys a token on the storefront; finance sees it minted (browser)', function () {
  this.timeout(300_000)
  const session = useBrowser()
  const title = `Browser edition ${randomUUID().slice(0, 8)}`
  let edition: Edition

  before(async function () {
    this.timeout(240_000)
    edition = await liveEditionTitled(title)
  })

  it('a fan buys an edition, sees it minted with its serial and under My collectibles; the back office shows the MINTED token and its CONFIRMED mint', async () => {
    const shop = await session.browser.newPage()
    const storefront = new StorefrontPage(shop, session.baseUrl)
    await storefront.open(BRAND)
    await storefront.passAgeGate()
    const checkout = new StorefrontCheckout(shop)
    assert.equal(await checkout.signIn(FAN.email, FAN.password), `Signed in as ${FAN.name}`)
    await shop.getByTestId('nav-collectibles').waitFor()

    const collectibles = new StorefrontCollectibles(shop, session.baseUrl)
    await collectibles.open(BRAND)
    const listed = (await collectibles.editions()).find((e) => e.id === edition.id)
    assert.ok(listed, `the brand's Collectibles page lists the new edition: ${JSON.stringify(await collectibles.editions())}`)
    assert.deepEqual([listed.title, listed.status, listed.supply, listed.soldOut, listed.priceMinor], [title, 'LIVE', `0 / ${MAX_SUPPLY}`, false, PRICE_MINOR])
    assert.equal(listed.creator, edition.creator.name)
    assert.equal((await collectibles.buyButton(edition.id).innerText()).trim(), 'Buy for $15.00')
    await screenshot(shop, 'collectibles-storefront-list')

    const started = await collectibles.buy(edition.id, { card: 'tok_approve_demo', country: 'US' })
    const outcome = await collectibles.outcome()
    await screenshot(shop, 'collectibles-storefront-minted')
    assert.equal(outcome.status, 'COMPLETED', `the sale ended ${outcome.status}: ${outcome.text}`)
    assert.equal(outcome.serial, 1, 'the first token sold of a new edition is #1')
    assert.equal(outcome.text, 'Minted #1')
    assert.equal(outcome.purchaseId, started.purchaseId)
    assert.match(outcome.txHash, /^0x[0-9a-f]{64}$/i, 'the mint transaction hash is shown')
    assert.match(outcome.ownerAddress, /^0x[0-9a-f]{40}$/i, 'minted to the fan\'s wallet')
    assert.ok(outcome.tokenId, 'the on-chain token id is shown')

    // the outcome matches what the API recorded for the fan
    const fanToken = await checkout.fanToken()
    const purchase = await api(`/api/collectible-purchases/${started.purchaseId}`, { token: fanToken })
    assert.equal(purchase.status, 200, JSON.stringify(purchase.body))
    assert.deepEqual([purchase.body.status, purchase.body.editionId, purchase.body.token?.serial, purchase.body.token?.tokenId, purchase.body.token?.txHash],
      ['COMPLETED', edition.id, 1, outcome.tokenId, outcome.txHash])

    // behind the outcome the page counted the sale
    await collectibles.card(edition.id).locator('[data-testid="edition-supply"]').filter({ hasText: `1 / ${MAX_SUPPLY}` }).waitFor({ timeout: 15_000 })

    await collectibles.openMineFromOutcome()
    const wallet = await collectibles.walletAddress()
    assert.equal(wallet?.toLowerCase(), outcome.ownerAddress.toLowerCase(), 'My collectibles shows the wallet the token was minted to')
    const owned = (await collectibles.ownedTokens()).find((t) => t.tokenId === outcome.tokenId)
    assert.deepEqual(owned && [owned.editionId, owned.serial, owned.title, owned.txHash], [edition.id, 1, title, outcome.txHash])
    await screenshot(shop, 'collectibles-storefront-mine')
    await shop.close()

    const office = await session.browser.newPage()
    await new AdminApp(office, session.baseUrl).login(FINANCE.email, FINANCE.password)
    const backOffice = new BackOfficeCollectibles(office, session.baseUrl)
    await backOffice.openEdition(edition.id)
    const { tokens, txs } = await backOffice.waitForEdition(edition.id, (t, x) =>
      t.some((row) => row.status === 'MINTED') && x.some((row) => row.purpose === 'mint' && row.status === 'CONFIRMED'))
    assert.equal(await backOffice.editionStatus(), 'LIVE')
    assert.equal(await backOffice.sold(), `1 / ${MAX_SUPPLY}`)
    await screenshot(office, 'collectibles-back-office-edition')

    const minted = tokens.filter((t) => t.status === 'MINTED')
    assert.equal(minted.length, 1, JSON.stringify(tokens))
    const token = minted[0]!
    assert.deepEqual([token.serial, token.tokenId, token.buyer, token.purchaseId, token.workflowId],
      [1, outcome.tokenId, FAN.name, started.purchaseId, started.workflowId])

    const mint = txs.find((t) => t.key === token.txKey)
    assert.ok(mint, `the token's mint transaction is listed: ${JSON.stringify(txs)}`)
    assert.deepEqual([mint.purpose, mint.status, mint.minedHash.toLowerCase()], ['mint', 'CONFIRMED', outcome.txHash.toLowerCase()])
    assert.ok(mint.attempts >= 1)
    const create = txs.find((t) => t.purpose === 'createEdition')
    assert.equal(create?.status, 'CONFIRMED', `the edition's createEdition transaction is confirmed: ${JSON.stringify(txs)}`)

    const shown = await backOffice.openTransaction(mint.id)
    assert.deepEqual([shown.purpose, shown.status, shown.attempts], ['mint', 'CONFIRMED', mint.attempts])
    assert.equal(shown.minedAttempt?.toLowerCase(), outcome.txHash.toLowerCase(), 'the mined attempt is marked among the attempts')
    await screenshot(office, 'collectibles-back-office-transaction')
    await office.close()
  })
})
