import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { api, testStack, until } from './support/stack.ts'


/** The newest message the mail sink holds for an address, waiting for it to arrive. */
async function mailTo(address: string, template: string) {
  const sink = testStack().env.MAIL_SINK_URL
  const list = await until(async () => (await (await fetch(`${sink}/messages?to=${encodeURIComponent(address)}&template=${template}`)).json()) as { id: string }[],
    (l) => l.length > 0, `a ${template} mail to ${address}`)
  return (await (await fetch(`${sink}/messages/${list[0]!.id}`)).json()) as { text: string; subject: string }
}

const signup = (over: Record<string, unknown> = {}) => ({ brand: 'girlfanz', email: `fan-${randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery',
  displayName: 'New Fan', handle: `nf_${randomUUID().slice(0, 8)}`, dateOfBirth: '1990-04-12', country: 'NL', acceptTerms: true, acceptPrivacy: true,
  attestAdult: true, ...over })

describe('identity: signup, sign-in protection, creator KYC and 2257 records (real stack, KYC sandbox, mail sink)', function () {
  this.timeout(120_000)
  let db: pg.Client
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
  })
  after(() => db.end())
  const peopleWith = async (email: string) => (await db.query('SELECT count(*)::int AS n FROM people WHERE email = $1', [email])).rows[0].n as number

  it('takes a fan from signup through the mailed link to an active account that can sign in', async () => {
    const body = signup()
    const started = await api('/api/auth/signup', { method: 'POST', body })
    assert.equal(started.status, 202, JSON.stringify(started.body))
    assert.equal(started.headers.get('location'), `/api/signups/${started.body.personId}`)
    assert.equal((await api('/api/auth/login', { method: 'POST', body: { email: body.email, password: body.password } })).body.error.code, 'EMAIL_NOT_VERIFIED')
    const mail = await mailTo(body.email, 'verifyEmail')
    const token = /verify-email\?token=([\w-]+)/.exec(mail.text)?.[1]
    assert.ok(token, mail.text)
    const verified = await api('/api/auth/verify-email', { method: 'POST', body: { token } })
    assert.equal(verified.status, 200, JSON.stringify(verified.body))
    assert.equal((await api('/api/auth/verify-email', { method: 'POST', body: { token } })).body.error.code, 'INVALID_TOKEN', 'a link works once')
    await until(() => api(`/api/signups/${started.body.personId}`), (r) => r.body?.status === 'active', 'activation')
    const signedIn = await api('/api/auth/login', { method: 'POST', body: { email: body.email, password: body.password } })
    assert.equal(signedIn.status, 200)
    assert.deepEqual(signedIn.body.person.roles, [{ role: 'fan', brandSlug: 'girlfanz' }])
  })

  it('sends a fan where the law requires verified age (Germany) to an age check at the KYC provider after the email', async () => {
    const body = signup({ country: 'DE' })
    const started = await api('/api/auth/signup', { method: 'POST', body })
    assert.equal(started.body.assurance, 'verified_age')
    const token = /verify-email\?token=([\w-]+)/.exec((await mailTo(body.email as string, 'verifyEmail')).text)?.[1]
    assert.equal((await api('/api/auth/verify-email', { method: 'POST', body: { token } })).status, 200)
    const state = await until(() => api(`/api/signups/${started.body.personId}`), (r) => r.body?.status === 'age_verification', 'the age check')
    const c = await until(() => db.query('SELECT purpose, status, hosted_url FROM kyc_cases WHERE id = $1', [state.body.ageCaseId]),
      (r) => Boolean(r.rows[0]?.hosted_url), 'the provider session of the age check')
    assert.deepEqual([c.rows[0].purpose, c.rows[0].status], ['age', 'awaiting_applicant'])
    assert.equal((await api(`/api/signups/${started.body.personId}`)).body.ageCheckUrl, c.rows[0].hosted_url, 'the storefront can send the fan on')
    assert.equal((await api('/api/auth/login', { method: 'POST', body: { email: body.email, password: body.password } })).body.error.code,
      'AGE_VERIFICATION_PENDING', 'no sign-in before the age is verified')
  })

  const refusals: [string, Record<string, unknown>, number, string][] = [
    ['an underage date of birth', { dateOfBirth: new Date(Date.now() - 17 * 365.25 * 86_400_000).toISOString().slice(0, 10) }, 422, 'UNDERAGE'],
    ['21 in Mississippi', { country: 'US', region: 'US-MS', dateOfBirth: new Date(Date.now() - 20 * 365.25 * 86_400_000).toISOString().slice(0, 10) }, 422, 'UNDERAGE'],
    ['a malformed date of birth', { dateOfBirth: '12/04/1990' }, 400, 'MALFORMED_DATE_OF_BIRTH'],
    ['an impossible date of birth', { dateOfBirth: '1990-02-30' }, 400, 'MALFORMED_DATE_OF_BIRTH'],
    ['an unknown country', { country: 'ZZ' }, 400, 'UNKNOWN_COUNTRY'],
    ['an unknown region', { country: 'US', region: 'US-XX' }, 400, 'UNKNOWN_REGION'],
    ['a sanctioned country', { country: 'KP' }, 451, 'JURISDICTION_BLOCKED'],
    ['terms not accepted', { acceptTerms: false }, 400, 'VALIDATION_FAILED'],
  ]
  for (const [what, over, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code} and creates nothing`, async () => {
      const body = signup(over)
      const res = await api('/api/auth/signup', { method: 'POST', body })
      assert.deepEqual([res.status, res.body.error?.code], [status, code], JSON.stringify(res.body))
      assert.equal(typeof res.body.error.message, 'string')
      assert.equal(await peopleWith(body.email as string), 0)
    })
  }

  it('refuses a duplicate signup with 409 EMAIL_TAKEN', async () => {
    const res = await api('/api/auth/signup', { method: 'POST', body: signup({ email: 'fan@fanz.demo' }) })
    assert.deepEqual([res.status, res.body.error.code], [409, 'EMAIL_TAKEN'])
  })

  it('locks an account after five wrong passwords, even against the right one, with a clear 423', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await api('/api/auth/login', { method: 'POST', body: { email: 'moderator@fanz.demo', password: `wrong-${i}` } })
      assert.equal(wrong.body.error.code, 'INVALID_CREDENTIALS')
    }
    const locked = await api('/api/auth/login', { method: 'POST', body: { email: 'moderator@fanz.demo', password: 'FanzDemo!2026' } })
    assert.equal(locked.status, 423)
    assert.equal(locked.body.error.code, 'ACCOUNT_LOCKED')
    assert.match(locked.body.error.message, /Try again after \d\d:\d\d UTC/)
    await db.query('UPDATE people SET locked_until = NULL, failed_logins = 0 WHERE email = $1', ['moderator@fanz.demo'])
  })

  it('rotates refresh tokens and revokes the sign-in when a used one comes back', async () => {
    const first = await api('/api/auth/login', { method: 'POST', body: { email: 'finance@fanz.demo', password: 'FanzDemo!2026' } })
    const second = await api('/api/auth/refresh', { method: 'POST', body: { refreshToken: first.body.refreshToken } })
    assert.equal(second.status, 200)
    assert.equal((await api('/api/auth/me', { token: second.body.token })).status, 200)
    const replayed = await api('/api/auth/refresh', { method: 'POST', body: { refreshToken: first.body.refreshToken } })
    assert.equal(replayed.body.error.code, 'INVALID_TOKEN')
    assert.equal((await api('/api/auth/me', { token: second.body.token })).status, 401, 'the whole family is revoked')
  })
})
