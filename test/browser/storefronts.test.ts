import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import type { BrandSlug } from '../../domain/brands.ts'
import { BRAND_SLUGS, BRANDS } from '../../domain/brands.ts'
import { screenshot, useBrowser } from './support/browser.ts'
import { hexToRgb, StorefrontPage } from './pages/storefront.ts'

describe('storefronts (browser)', function () {
  this.timeout(120_000)
  const session = useBrowser()

  async function openBrand(slug: BrandSlug) {
    const page = await session.browser.newPage()
    const storefront = new StorefrontPage(page, session.baseUrl)
    await storefront.open(slug)
    return { page, storefront }
  }

  for (const slug of ['boyfanz', 'girlfanz'] as const) {
    const brand = BRANDS[slug]

    it(`${brand.name}: age gate first, then the brand themed from its registry tokens`, async () => {
      const { page, storefront } = await openBrand(slug)

      // every test in this file shares one profile, so this also shows the gate is remembered per brand
      assert.equal(await storefront.isAgeGateVisible(), true, 'the 18+ gate must show before any brand content')
      assert.match(await storefront.ageGate().innerText(), /You must be 18 or older/)
      assert.equal(await page.getByTestId('brand-name').count(), 0, 'no brand content behind the gate')
      await screenshot(page, `storefront-${slug}-age-gate`)

      await storefront.passAgeGate()
      assert.equal(await storefront.isAgeGateVisible(), false)
      assert.equal(await storefront.brandName(), brand.name)
      assert.equal(await storefront.title(), brand.name)
      assert.equal(await storefront.dataBrand(), slug)
      assert.equal(await storefront.primaryColorVariable(), brand.tokens.primary)
      assert.equal(await storefront.brandNameColor(), hexToRgb(brand.tokens.primary))
      assert.deepEqual(
        await storefront.otherBrandLinks(),
        BRAND_SLUGS.filter((other) => other !== slug).map((other) => `/${other}`),
      )
      await screenshot(page, `storefront-${slug}`)

      await storefront.open(slug)
      assert.equal(await storefront.isAgeGateVisible(), false, 'the confirmation is remembered on reload')
      await page.close()
    })
  }

  it('BoyFanz and GirlFanz are painted in different primary colours', async () => {
    const painted: string[] = []
    for (const slug of ['boyfanz', 'girlfanz'] as const) {
      const { page, storefront } = await openBrand(slug)
      if (await storefront.isAgeGateVisible()) await storefront.passAgeGate()
      painted.push(await storefront.brandNameColor())
      await page.close()
    }
    assert.notEqual(painted[0], painted[1])
  })
})
