import assert from 'node:assert/strict'
import { api, login } from './support/stack.ts'

describe('API errors: clear 4xx with a machine-readable code, nothing changed', function () {
  let admin: string
  let fan: string
  before(async () => { [admin, fan] = await Promise.all([login(), login('fan@fanz.demo')]) })

  const cases: { name: string; path: string; method?: string; as?: 'admin' | 'fan'; body?: unknown; rawBody?: string; status: number; code: string }[] = [
    { name: 'malformed JSON', path: '/api/auth/login', method: 'POST', rawBody: '{"email":', status: 400, code: 'MALFORMED_JSON' },
    { name: 'login without a password', path: '/api/auth/login', method: 'POST', body: { email: 'admin@fanz.demo' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login with an invalid email', path: '/api/auth/login', method: 'POST', body: { email: 'nope', password: 'x' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'wrong password', path: '/api/auth/login', method: 'POST', body: { email: 'admin@fanz.demo', password: 'wrong' }, status: 401, code: 'INVALID_CREDENTIALS' },
    { name: 'unknown email', path: '/api/auth/login', method: 'POST', body: { email: 'ghost@fanz.demo', password: 'wrong' }, status: 401, code: 'INVALID_CREDENTIALS' },
    { name: 'no session', path: '/api/people', status: 401, code: 'UNAUTHENTICATED' },
    { name: 'a fan reading people', path: '/api/people', as: 'fan', status: 403, code: 'FORBIDDEN' },
    { name: 'a fan starting a platform check', path: '/api/platform-checks', method: 'POST', as: 'fan', status: 403, code: 'FORBIDDEN' },
    { name: 'range that is not JSON', path: '/api/brands?range=[0,', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'range too large', path: '/api/brands?range=[0,9999]', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'sort on an unknown field', path: '/api/brands?sort=["passwordHash","ASC"]', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'unknown filter', path: '/api/people?filter={"passwordHash":"x"}', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an id that is not a UUID', path: '/api/platform-checks/not-a-uuid', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a person that does not exist', path: '/api/people/00000000-0000-4000-8000-000000000000', as: 'admin', status: 404, code: 'NOT_FOUND' },
    { name: 'an unknown API route', path: '/api/nope', as: 'admin', status: 404, code: 'ROUTE_NOT_FOUND' },
  ]
  for (const c of cases) {
    it(`${c.name} -> ${c.status} ${c.code}`, async () => {
      const token = c.as === 'admin' ? admin : c.as === 'fan' ? fan : undefined
      const res = await api(c.path, { method: c.method, token, body: c.body, rawBody: c.rawBody })
      assert.equal(res.status, c.status, JSON.stringify(res.body))
      assert.equal(res.body.error.code, c.code)
      assert.equal(typeof res.body.error.message, 'string')
      assert.ok(res.body.error.message.length > 0)
      assert.equal(res.body.error.requestId, res.headers.get('x-request-id'))
    })
  }

  it('keeps a caller-supplied request id', async () => {
    const res = await fetch(`${process.env.FANZ_API_URL}/api/nope`, { headers: { 'x-request-id': 'trace-abc-123' } })
    assert.equal(res.headers.get('x-request-id'), 'trace-abc-123')
    assert.equal(((await res.json()) as { error: { requestId: string } }).error.requestId, 'trace-abc-123')
  })

  it('a revoked session is refused', async () => {
    const token = await login('finance@fanz.demo')
    assert.equal((await api('/api/auth/me', { token })).status, 200)
    assert.equal((await api('/api/auth/logout', { method: 'POST', token })).status, 204)
    const after = await api('/api/auth/me', { token })
    assert.equal(after.status, 401)
    assert.equal(after.body.error.code, 'UNAUTHENTICATED')
  })

  it('lists brands and people for the back office with Content-Range', async () => {
    const brands = await api('/api/brands?sort=["slug","ASC"]&range=[0,9]', { token: admin })
    assert.equal(brands.status, 200)
    assert.equal(brands.headers.get('content-range'), 'brands 0-8/9')
    assert.equal(brands.body[0].slug, 'boyfanz')
    const people = await api('/api/people?filter={"q":"creator"}', { token: admin })
    assert.equal(people.body.length, 1)
    assert.deepEqual(people.body[0].personas.map((p: { brandSlug: string }) => p.brandSlug).sort(), ['boyfanz', 'girlfanz'])
    assert.equal(JSON.stringify(people.body).includes('passwordHash'), false)
  })
})
