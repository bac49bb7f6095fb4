import assert from 'node:assert/strict'
import { loadStackConfig } from './config.ts'

describe('local stack configuration', () => {
  it('starts everything itself when no URLs are given, on per-profile ports', () => {
    const dev = loadStackConfig('dev', {})
    const test = loadStackConfig('test', {})
    assert.equal(dev.DATABASE_URL, undefined)
    assert.equal(dev.ports.temporalUi, 8233)
    const devPorts = new Set(Object.values(dev.ports))
    assert.ok(Object.values(test.ports).every((p) => !devPorts.has(p)), 'test ports overlap dev ports')
  })

  it('uses a given service instead of starting one', () => {
    const cfg = loadStackConfig('dev', { DATABASE_URL: 'postgresql://u:p@db:5432/fanz', OPENSEARCH_URL: 'http://search:9200' })
    assert.equal(cfg.DATABASE_URL, 'postgresql://u:p@db:5432/fanz')
    assert.equal(cfg.OPENSEARCH_URL, 'http://search:9200')
  })

  const bad: [env: Record<string, string>, name: RegExp][] = [
    [{ DATABASE_URL: 'localhost:5432' }, /DATABASE_URL/],
    [{ TEMPORAL_ADDRESS: 'http://temporal' }, /TEMPORAL_ADDRESS/],
    [{ API_PORT: 'eighty' }, /API_PORT/],
    [{ S3_ENDPOINT: 'http://s3:9000' }, /S3_ACCESS_KEY, S3_SECRET_KEY/],
  ]
  for (const [env, name] of bad) {
    it(`stops with a message naming ${name.source}`, () => assert.throws(() => loadStackConfig('dev', env), name))
  }
})
