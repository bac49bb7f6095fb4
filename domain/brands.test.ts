import assert from 'node:assert/strict'
import { BRANDS, BRAND_SLUGS, resolveBrand } from './brands.ts'

describe('brand registry', () => {
  it('has the nine brands, each with distinct primary colours', () => {
    assert.equal(BRAND_SLUGS.length, 9)
    const colours = BRAND_SLUGS.map((s) => BRANDS[s].tokens.primary)
    assert.equal(new Set(colours).size, 9)
    for (const c of colours) assert.match(c, /^#[0-9a-f]{6}$/)
  })

  it('only TabooFanz is strictly age-gated, FanzCock is a vertical feed, FanzLab the portal', () => {
    assert.deepEqual(BRAND_SLUGS.filter((s) => BRANDS[s].policy.strictAgeGate), ['taboofanz'])
    assert.equal(BRANDS.fanzcock.policy.layout, 'vertical-feed')
    assert.equal(BRANDS.fanzlab.policy.layout, 'portal')
  })

  const cases: [host: string, path: string, expected: string][] = [
    ['boyfanz.localhost:3000', '/', 'boyfanz'],
    ['GirlFanz.example.com', '/', 'girlfanz'],
    ['localhost:3000', '/pupfanz', 'pupfanz'],
    ['localhost:3000', '/TransFanz/creators', 'transfanz'],
    ['localhost:3000', '/', 'fanzlab'],
    ['localhost:3000', '/unknown', 'fanzlab'],
    ['daddyfanz.example.com', '/cougarfanz', 'daddyfanz'], // the host wins over the path
    ['127.0.0.1:3000', '/fanzcock', 'fanzcock'],
  ]
  for (const [host, path, expected] of cases) {
    it(`resolves ${host}${path} to ${expected}`, () => assert.equal(resolveBrand(host, path).slug, expected))
  }
})
