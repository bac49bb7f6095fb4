import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { AdminApp } from './pages/admin-app.ts'
import { BackOfficeSubscriptions } from './pages/back-office-subscriptions.ts'
import { StorefrontCheckout } from './pages/storefront-checkout.ts'
import { StorefrontSubscriptions } from './pages/storefront-subscriptions.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { screenshot, useBrowser } from './support/browser.ts'

// fan2 subscribes in this test only: the API test subscribes as fan@fanz.demo and a fan it signs up
const FAN = { email: 'fan2@fanz.demo', password: 'FanzDemo!2026' }
const FINANCE = { email: 'finance@fanz.demo', password: 'FanzDemo!2026' }

type ApiMeta = { temporalUiUrl: string; namespace: string }
type Subscription = { status: string; workflowId: string; creatorId: string; cycles: { status: string; amount: number; runId: string }[]
  entitlement: { access: string } | null }

describe('subscriptions, storefront to account page (browser)', function () {
  this.timeout(180_000)
  const session = useBrowser()

  it('a fan subscribes to Rex Club on BoyFanz with WELCOME10 and cancels from the account page; finance sees the billing history', async () => {
    const shop = await session.browser.newPage()
    const storefront = new StorefrontPage(shop, session.baseUrl)
    const checkout = new StorefrontCheckout(shop)
    const subscriptions = new StorefrontSubscriptions(shop)
    await storefront.open('boyfanz')
    await storefront.passAgeGate()
    assert.equal(await checkout.signIn(FAN.email, FAN.password), 'Signed in as Fox Fan')
    const rex = (await subscriptions.plans()).find((p) => p.name === 'Rex Club')
    assert.ok(rex, 'BoyFanz lists the demo creator\'s plan')

    const started = await subscriptions.subscribe(rex.id, { tier: 'basic', months: 1, promo: 'WELCOME10', card: 'tok_approve_demo', country: 'US' })
    const outcome = await subscriptions.outcome()
    await screenshot(shop, 'subscription-storefront-subscribed')
    assert.deepEqual([outcome.status, outcome.amount, outcome.subscriptionId], ['Subscribed', '$8.99', started.id], '10 % off the first month of $9.99')
    assert.notEqual(outcome.next, '—')

    const token = await checkout.fanToken()
    const read = async () => (await (await fetch(`${session.baseUrl}/api/subscriptions/${started.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Subscription
    const active = await read()
    assert.deepEqual([active.status, active.workflowId, active.entitlement?.access], ['ACTIVE', started.workflowId, 'FULL'])
    assert.deepEqual(active.cycles.map((c) => [c.status, c.amount]), [['PAID', 899]])

    await subscriptions.openSubscriptionsPage()
    assert.match(new URL(shop.url()).pathname, /^\/boyfanz\/account\/subscriptions$/)
    const listed = await subscriptions.itemView(started.id)
    assert.equal(listed.status, 'Active')
    assert.match(listed.nextBilling ?? '', /^Next billing: \S+/)
    await subscriptions.cancelNow(started.id)
    assert.deepEqual(await subscriptions.itemView(started.id), { status: 'Cancelled', nextBilling: null })
    await screenshot(shop, 'subscription-account-cancelled')
    const cancelled = await read()
    assert.deepEqual([cancelled.status, cancelled.entitlement?.access], ['CANCELLED', 'NONE'])
    const access = await fetch(`${session.baseUrl}/api/access/creators/${cancelled.creatorId}?brand=boyfanz`, { headers: { Authorization: `Bearer ${token}` } })
    assert.equal(((await access.json()) as { access: string }).access, 'NONE')
    await shop.close()

    const office = await session.browser.newPage()
    await new AdminApp(office, session.baseUrl).login(FINANCE.email, FINANCE.password)
    const backOffice = new BackOfficeSubscriptions(office, session.baseUrl)
    await backOffice.open(started.id)
    const rows = await backOffice.cycleRows()
    await screenshot(office, 'subscription-back-office')
    assert.deepEqual(rows.map((r) => r.status), cancelled.cycles.map((c) => c.status), 'every billing event, newest first')
    const meta = (await (await fetch(`${session.baseUrl}/api/meta`)).json()) as ApiMeta
    const paid = cancelled.cycles.find((c) => c.status === 'PAID')!
    const workflowUrl = `${meta.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${meta.namespace}/workflows/${encodeURIComponent(started.workflowId)}`
    assert.ok(rows.some((r) => r.status === 'PAID' && r.runHref === `${workflowUrl}/${paid.runId}/history`), JSON.stringify(rows))
    await office.close()
  })
})
