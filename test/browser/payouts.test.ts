import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { itemOf, runRecord, seedAvailable } from '../support/payouts.ts'
import { newVerifiedCreator } from '../support/people.ts'
import { login } from '../support/stack.ts'
import { AdminApp } from './pages/admin-app.ts'
import { BackOfficePayouts } from './pages/back-office-payouts.ts'
import { StorefrontCheckout } from './pages/storefront-checkout.ts'
import { StorefrontEarnings } from './pages/storefront-earnings.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { screenshot, useBrowser } from './support/browser.ts'

// no other test pays out on this brand: the run holds this creator alone
const BRAND = 'transfanz'
const PASSWORD = 'correct horse battery staple'
const FINANCE = { email: 'finance@fanz.demo', password: 'FanzDemo!2026' }
// above the default approval threshold (5,000.00): finance must approve it
const EARNED = 600_000
const RESERVE = 30_000 // the default 5 % rolling reserve
const PAID = EARNED - RESERVE

describe('payouts, the creator\'s earnings studio to a run, a finance approval and the statement (browser)', function () {
  this.timeout(300_000)
  const session = useBrowser()

  it('a creator signs a tax form and adds Paxum; finance runs payouts and approves; the creator sees it paid and on the statement', async () => {
    const creator = await newVerifiedCreator(BRAND, 'Tia', 'Transfer')
    const studioPage = await session.browser.newPage()
    const storefront = new StorefrontPage(studioPage, session.baseUrl)
    await storefront.open(BRAND)
    await storefront.passAgeGate()
    await new StorefrontCheckout(studioPage).signIn(creator.email, PASSWORD)
    const earnings = new StorefrontEarnings(studioPage, session.baseUrl)
    await earnings.openEarnings(BRAND)
    assert.equal(await earnings.taxFormOnFile(), null, 'a new creator has no tax form')
    assert.equal(await earnings.signTaxForm({ country: 'NL', kind: 'W-8BEN', tin: 'NL123456789B01', signedName: 'Tia Transfer' }), 201)
    assert.equal((await earnings.taxFormOnFile())?.kind, 'W-8BEN')
    const paxumEmail = `tia.${creator.id.slice(0, 8)}@payees.example`
    assert.equal(await earnings.addMethod({ rail: 'paxum', holderName: 'Tia Transfer', email: paxumEmail }), 202)
    assert.match(await earnings.waitMethodStatus('VERIFIED'), /verified/i)
    assert.deepEqual((await earnings.methods()).map((m) => [m.rail, m.status]), [['paxum', 'VERIFIED']])
    await screenshot(studioPage, 'payouts-studio-payable')

    await seedAvailable({ brand: BRAND, creatorId: creator.id, amount: EARNED, key: `${creator.id}:browser` })
    await earnings.openEarnings(BRAND)
    const earned = (await earnings.balances()).find((b) => b.brand === BRAND)
    assert.deepEqual([earned?.available, earned?.inTransit, earned?.reserved], [EARNED, 0, 0])

    const office = await session.browser.newPage()
    await new AdminApp(office, session.baseUrl).login(FINANCE.email, FINANCE.password)
    const payouts = new BackOfficePayouts(office, session.baseUrl)
    await payouts.openSchedules()
    const workflowId = await payouts.schedulesRunNow(BRAND, 'browser test: run now')
    await screenshot(office, 'payouts-run-started')

    // the queue lists what waits when it loads: open it once the creator's payout is waiting
    const financeToken = await login(FINANCE.email)
    const run = await runRecord(financeToken, workflowId, 'SETTLING')
    const waiting = await itemOf(financeToken, run.id, creator.id, (s) => s === 'AWAITING_APPROVAL')
    assert.equal(waiting.approvalReason, 'ABOVE_THRESHOLD')
    await payouts.openApprovals()
    const name = waiting.creatorName as string
    assert.ok((await payouts.approvalCreators()).includes(name), `the queue lists ${name}`)
    await screenshot(office, 'payouts-approvals-queue')
    const decided = await payouts.approve(name, 'known creator, checked by the browser test')
    assert.equal(decided.decision, 'approve')
    // the decision is recorded before the API answers: the refreshed queue no longer offers the payout
    await payouts.waitDecided(name)
    await screenshot(office, 'payouts-approved')

    const paid = await itemOf(financeToken, run.id, creator.id, (s) => s === 'PAID')
    assert.deepEqual([paid.rail, paid.amount, paid.reserve, paid.decisionNote], ['paxum', PAID, RESERVE, 'known creator, checked by the browser test'])
    await payouts.openItem(paid.id as string)
    assert.equal(await payouts.itemStatus('PAID'), 'PAID')
    assert.deepEqual(await payouts.attempts(), [{ rail: 'paxum', outcome: 'settled' }])
    await screenshot(office, 'payouts-item-paid')

    await earnings.openEarnings(BRAND)
    const history = await earnings.waitForPayout('PAID')
    assert.deepEqual([history[0]?.id, history[0]?.amount], [paid.id, PAID])
    const after = (await earnings.balances()).find((b) => b.brand === BRAND)
    assert.deepEqual([after?.available, after?.inTransit, after?.reserved], [0, 0, RESERVE])
    const lines = await earnings.statementLines()
    const sent = lines.filter((l) => l.what === 'Payout sent')
    assert.deepEqual(sent.map((l) => l.amount), [-PAID], `the payout is one line of the statement: ${JSON.stringify(lines)}`)
    assert.equal((await earnings.statement()).closing, 0)
    await screenshot(studioPage, 'payouts-studio-paid')
  })
})
