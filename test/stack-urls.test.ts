import assert from 'node:assert/strict'
import { testStack } from './support/stack.ts'

describe('the started stack serves every app at the URLs it prints', function () {
  this.timeout(30_000)
  const get = (url: string) => fetch(url, { redirect: 'manual' })

  it('Temporal Web UI answers', async () => {
    const res = await get(testStack().env.TEMPORAL_UI_URL)
    assert.equal(res.status, 200)
    assert.match(await res.text(), /<html/i)
  })

  it('serves the back office at /admin and the storefronts at / and /<brand>', async () => {
    const base = testStack().env.PUBLIC_URL
    for (const path of ['/admin', '/admin/#/brands', '/', '/boyfanz', '/taboofanz']) {
      const res = await get(`${base}${path}`)
      assert.equal(res.status, 200, path)
      assert.match(res.headers.get('content-type') ?? '', /text\/html/, path)
    }
    assert.match(await (await get(`${base}/admin`)).text(), /<div id="root">/)
  })

  it('publishes an OpenAPI 3.1 document that lists every API route, and browsable docs', async () => {
    const base = testStack().env.PUBLIC_URL
    const doc = (await (await get(`${base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> }
    assert.equal(doc.openapi, '3.1.0')
    for (const p of ['/readyz', '/api/auth/login', '/api/platform-checks', '/api/platform-checks/{id}', '/api/workflows/counts', '/api/people']) {
      assert.ok(doc.paths[p], `missing ${p}`)
    }
    const docs = await get(`${base}/docs`)
    assert.equal(docs.status, 200)
    assert.equal((await get(`${base}/docs/assets/swagger-ui-bundle.js`)).status, 200)
  })

  it('/api/meta gives the apps the Temporal UI link base', async () => {
    const meta = (await (await get(`${testStack().env.PUBLIC_URL}/api/meta`)).json()) as { temporalUiUrl: string; namespace: string }
    assert.equal(meta.temporalUiUrl, testStack().env.TEMPORAL_UI_URL)
    assert.equal(meta.namespace, 'default')
  })
})
