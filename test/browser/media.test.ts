import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'mocha'
import { newFan, newVerifiedCreator } from '../support/people.ts'
import { makeClip, untilStatus } from '../support/media.ts'
import { AdminApp } from './pages/admin-app.ts'
import { BackOfficeMedia } from './pages/back-office-media.ts'
import { StorefrontCheckout } from './pages/storefront-checkout.ts'
import { StorefrontMedia } from './pages/storefront-media.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { launchBrowser, screenshot, useBrowser, type BrowserSession } from './support/browser.ts'

const PASSWORD = 'correct horse battery staple'

describe('media, studio upload to moderator approval to playback (browser)', function () {
  this.timeout(300_000)
  const session = useBrowser()
  const browsers: BrowserSession[] = []
  after(() => Promise.all(browsers.map((b) => b.close())))

  /** A fan signed in on GirlFanz in a browser of their own (a storefront keeps one signed-in session per browser profile). */
  async function signedInFan(email: string) {
    const browser = await launchBrowser()
    browsers.push(browser)
    const page = await browser.newPage()
    const front = new StorefrontPage(page, session.baseUrl)
    await front.open('girlfanz')
    await front.passAgeGate()
    await new StorefrontCheckout(page).signIn(email, PASSWORD)
    return page
  }

  it('a creator uploads with a progress bar, a moderator previews and approves, a fan who unlocks it plays it and one who did not cannot', async () => {
    const [creator, buyer, other, clip] = await Promise.all([newVerifiedCreator('girlfanz', 'Uma', 'Uploader'), newFan('girlfanz', 'Bea Buyer'),
      newFan('girlfanz', 'Otto Other'), makeClip({ seconds: 4, width: 640, height: 360 })])
    const file = join(await mkdtemp(join(tmpdir(), 'fanz-upload-')), 'harbour.mp4')
    await writeFile(file, clip.bytes)

    const studioPage = await session.browser.newPage()
    const storefront = new StorefrontPage(studioPage, session.baseUrl)
    await storefront.open('girlfanz')
    await storefront.passAgeGate()
    await new StorefrontCheckout(studioPage).signIn(creator.email, PASSWORD)
    const studio = new StorefrontMedia(studioPage, session.baseUrl)
    const { id, progress } = await studio.upload('girlfanz', file, { title: 'Harbour lights', tags: 'harbour, night', price: '4.99' })
    assert.equal(progress.at(-1), 100, `the upload bar ends full (saw ${progress.join(', ')})`)
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b), 'and never goes back')
    const waiting = await studio.waitForStatus('IN_REVIEW')
    assert.match(waiting, /moderator/i)
    await screenshot(studioPage, 'media-studio-in-review')

    const office = await session.browser.newPage()
    await new AdminApp(office, session.baseUrl).login('moderator@fanz.demo', 'FanzDemo!2026')
    const review = new BackOfficeMedia(office, session.baseUrl)
    await review.openItem(id)
    assert.ok((await review.previewDuration()) > 3, 'the moderator plays the signed HLS preview of the unpublished item')
    await screenshot(office, 'media-review-workspace')
    await review.approve()
    await untilStatus(creator.token, id, ['PUBLISHED'])
    await studioPage.reload()
    await studio.waitForStatus('PUBLISHED')

    const fanPage = await signedInFan(buyer.email)
    const checkout = new StorefrontCheckout(fanPage)
    const watch = new StorefrontMedia(fanPage, session.baseUrl)
    await watch.openVideo('girlfanz', id)
    assert.equal(await watch.access(), 'locked')
    await fanPage.getByTestId('media-unlock').click()
    await fanPage.getByTestId('checkout-card').selectOption('tok_approve_demo')
    await fanPage.getByTestId('checkout-country').selectOption('US')
    await fanPage.getByTestId('checkout-pay').click()
    assert.equal((await checkout.receipt()).status, 'Unlocked')
    await checkout.closeCheckout()
    await fanPage.locator('video[aria-label="Video player"]').waitFor({ timeout: 30_000 })
    assert.equal(await fanPage.getByTestId('media-locked').count(), 0, 'the offer gives way to the player once the unlock is granted')
    assert.ok((await watch.playFor(2500)) > 0.5, 'the entitled fan\'s player advances through the segments')
    await screenshot(fanPage, 'media-fan-playing')

    const otherPage = await signedInFan(other.email)
    const refused = new StorefrontMedia(otherPage, session.baseUrl)
    await refused.openVideo('girlfanz', id)
    assert.equal(await refused.access(), 'locked', 'a fan who did not unlock it gets the offer, not the video')
    assert.equal(await otherPage.locator('video[aria-label="Video player"]').count(), 0)
    await screenshot(otherPage, 'media-fan-locked')
  })
})
