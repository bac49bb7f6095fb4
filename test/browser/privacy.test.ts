import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'mocha'
import { strFromU8, unzipSync } from 'fflate'
import { mailTo, newFan } from '../support/people.ts'
import { AdminApp } from './pages/admin-app.ts'
import { StorefrontCheckout } from './pages/storefront-checkout.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { screenshot, useBrowser } from './support/browser.ts'

const BRAND = 'pupfanz'
const PASSWORD = 'correct horse battery staple'
const COMPLIANCE = { email: 'compliance@fanz.demo', password: 'FanzDemo!2026' }

describe('privacy center: a fan asks for their data, downloads the archive, then asks for erasure with the mailed code (browser)', function () {
  this.timeout(300_000)
  const session = useBrowser()

  it('the archive downloads as a zip holding the fan\'s own account; erasure waits for the code; compliance sees both in the queue', async () => {
    const fan = await newFan(BRAND, 'Pia Privacy')
    const page = await session.browser.newPage()
    const storefront = new StorefrontPage(page, session.baseUrl)
    await storefront.open(BRAND)
    await storefront.passAgeGate()
    assert.equal(await new StorefrontCheckout(page).signIn(fan.email, PASSWORD), 'Signed in as Pia Privacy')
    await page.getByTestId('nav-privacy').click()
    await page.getByTestId('privacy-page').waitFor()
    assert.match(await page.getByTestId('privacy-signed-in-as').innerText(), new RegExp(fan.email.replace('.', '\\.')))

    await page.getByRole('button', { name: 'Download my data' }).click()
    const access = page.locator('[data-testid^="privacy-request-"][data-kind="access"]')
    await access.waitFor()
    // a fresh sign-in verifies the request; the archive is built while the page polls
    const download = page.getByRole('button', { name: 'Download archive' })
    await download.waitFor({ timeout: 120_000 })
    assert.equal(await access.getAttribute('data-status'), 'COMPLETED')
    assert.deepEqual(await access.locator('[data-testid="privacy-step"]').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-system')).sort()),
      ['ledger', 'postgres', 'search', 'storage', 'temporal'])
    await screenshot(page, 'privacy-access-ready')
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()])
    const requestId = await access.getAttribute('data-request-id')
    assert.equal(file.suggestedFilename(), `fanz-data-${requestId}.zip`)
    const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)))
    const data = JSON.parse(strFromU8(zip['data.json']!))
    assert.equal(data.postgres.people[0].email, fan.email)
    assert.equal(data.postgres.personas[0].handle, fan.handle)
    assert.ok(zip['manifest.json'], 'the archive says what it holds')

    await access.getByRole('button', { name: 'Receipt' }).click()
    const receipt = JSON.parse(await page.getByTestId('privacy-receipt-json').innerText())
    assert.equal(receipt.requestId, requestId)
    assert.ok(!JSON.stringify(receipt).includes(fan.email), 'the receipt names the pseudonymous id, never the address')
    await page.keyboard.press('Escape')

    // erasure: nothing happens until the code from the mailbox is entered
    await page.getByRole('button', { name: 'Delete my account and data' }).click()
    await page.getByRole('button', { name: 'Yes, request deletion' }).click()
    const erasure = page.locator('[data-testid^="privacy-request-"][data-kind="erasure"]')
    await erasure.waitFor()
    assert.equal(await erasure.getAttribute('data-status'), 'AWAITING_VERIFICATION')
    await page.getByLabel('Verification code').fill('000000')
    await page.getByRole('button', { name: 'Verify' }).click()
    const wrong = page.getByTestId('privacy-verify-error')
    await wrong.waitFor()
    assert.equal(await wrong.getAttribute('data-code'), 'INVALID_CODE')
    await screenshot(page, 'privacy-erasure-code')
    const code = /\b(\d{6})\b/.exec((await mailTo(fan.email, 'privacyCode')).text)![1]!
    assert.notEqual(code, '000000', 'the sandbox mailed a real code')
    await page.getByLabel('Verification code').fill(code)
    await page.getByRole('button', { name: 'Verify' }).click()
    // once erased, the session is gone: the page asks to sign in again, and the account no longer exists
    await page.getByTestId('privacy-signin').waitFor({ timeout: 120_000 })
    await screenshot(page, 'privacy-erased')

    const staff = await session.browser.newPage()
    const admin = new AdminApp(staff, session.baseUrl)
    await admin.login(COMPLIANCE.email, COMPLIANCE.password)
    await staff.goto(`${session.baseUrl}/admin/#/privacy-requests/${requestId}/show`)
    await staff.getByText('COMPLETED').first().waitFor({ timeout: 30_000 })
    // the person is erased by now: the queue shows the tombstone's address, never the old one
    await staff.getByText(`erased+${fan.id}@erased.invalid`).first().waitFor({ timeout: 30_000 })
    assert.equal(await staff.getByText(fan.email).count(), 0)
    await screenshot(staff, 'privacy-back-office-request')
  })
})
