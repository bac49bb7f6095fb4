import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { AdminApp } from './pages/admin-app.ts'
import { FinancePages } from './pages/finance.ts'
import { StorefrontCheckout } from './pages/storefront-checkout.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { screenshot, useBrowser } from './support/browser.ts'

// fan2 exists for this test only: other tests buy as fan@fanz.demo
const FAN = { email: 'fan2@fanz.demo', password: 'FanzDemo!2026' }
const FINANCE = { email: 'finance@fanz.demo', password: 'FanzDemo!2026' }

type ApiMeta = { temporalUiUrl: string; namespace: string }
type Purchase = { id: string; workflowId: string; status: string; ledgerEntryId: string | null; split: { tax: number } | null }

describe('PPV purchase, storefront to ledger (browser)', function () {
  this.timeout(180_000)
  const session = useBrowser()

  it('a fan unlocks a BoyFanz post with a test card; finance sees a balanced entry linked to its workflow', async () => {
    const shop = await session.browser.newPage()
    const storefront = new StorefrontPage(shop, session.baseUrl)
    const checkout = new StorefrontCheckout(shop)
    await storefront.open('boyfanz')
    await storefront.passAgeGate()
    assert.equal(await checkout.signIn(FAN.email, FAN.password), 'Signed in as Fox Fan')

    const posts = await checkout.posts()
    assert.ok(posts.length > 0, 'BoyFanz lists its published posts')
    const cheapest = [...posts].sort((a, b) => a.priceMinor - b.priceMinor)[0]!
    assert.match(await checkout.unlockButton(cheapest.id).innerText(), /^Unlock for \$\d+\.\d{2}$/)

    const started = await checkout.buy(cheapest.id, { card: 'tok_approve_demo', country: 'DE' })
    const receipt = await checkout.receipt()
    await screenshot(shop, 'ppv-storefront-receipt')
    assert.equal(receipt.status, 'Unlocked')
    assert.equal(receipt.purchaseId, started.id)
    assert.equal(receipt.processor, 'ccbill')
    assert.notEqual(receipt.transactionId, '—', 'the processor reported a transaction id')
    await checkout.unlockedBadge(cheapest.id).waitFor()

    // the receipt matches what the API recorded for the fan
    const res = await fetch(`${session.baseUrl}/api/purchases/${started.id}`, { headers: { Authorization: `Bearer ${await checkout.fanToken()}` } })
    const purchase = (await res.json()) as Purchase
    assert.equal(purchase.status, 'COMPLETED')
    assert.equal(purchase.workflowId, started.workflowId)
    assert.ok(purchase.ledgerEntryId && purchase.split && purchase.split.tax > 0, 'German VAT is booked')
    await checkout.closeCheckout()
    await screenshot(shop, 'ppv-storefront-unlocked')
    await shop.close()

    const office = await session.browser.newPage()
    const finance = new FinancePages(office)
    await new AdminApp(office, session.baseUrl).login(FINANCE.email, FINANCE.password)
    await finance.findLedgerEntries(started.workflowId)
    await screenshot(office, 'ppv-ledger-entries')
    assert.equal(await finance.openFirstEntry(), purchase.ledgerEntryId)

    const postings = await finance.postings()
    assert.ok(postings.length >= 3, `a split has several legs: ${JSON.stringify(postings)}`)
    assert.equal(postings.reduce((sum, p) => sum + p.amount, 0), 0, 'postings sum to zero')
    const creatorPending = postings.find((p) => p.kind === 'creator_pending')
    assert.ok(creatorPending && creatorPending.amount < 0 && creatorPending.credit !== '' && creatorPending.debit === '',
      `the creator share is credited to creator_pending: ${JSON.stringify(postings)}`)
    const totals = await finance.totals()
    assert.ok(totals.length > 0 && totals.every((t) => t.debits === t.credits && t.debits > 0), JSON.stringify(totals))

    const meta = (await (await fetch(`${session.baseUrl}/api/meta`)).json()) as ApiMeta
    const link = await finance.workflowLink()
    assert.equal(link.text, started.workflowId)
    assert.equal(link.target, '_blank')
    assert.equal(link.href,
      `${meta.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${meta.namespace}/workflows/${encodeURIComponent(started.workflowId)}`)
    await screenshot(office, 'ppv-ledger-entry')

    const trial = await finance.trialBalance()
    await screenshot(office, 'ppv-trial-balance')
    assert.equal(trial.balanced, 'true', trial.text)
    assert.match(trial.text, /^Balanced/)
    assert.ok(trial.nets.length > 0 && trial.nets.every((net) => net === 0), `nets: ${trial.nets.join(', ')}`)
    await office.close()
  })
})
