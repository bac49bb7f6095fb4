/** Fresh people for tests, made the way real ones are: signup with the mailed link, and creator verification at the KYC sandbox. */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { api, login, testStack, until } from './stack.ts'

const PASSWORD = 'correct horse battery staple'

/** The newest message of a template the mail sink holds for an address, waiting for it to arrive. */
export async function mailTo(address: string, template: string): Promise<{ text: string; subject: string; html?: string }> {
  const sink = testStack().env.MAIL_SINK_URL
  const list = await until(async () => (await (await fetch(`${sink}/messages?to=${encodeURIComponent(address)}&template=${template}`)).json()) as { id: string }[],
    (l) => l.length > 0, `a ${template} mail to ${address}`)
  return (await (await fetch(`${sink}/messages/${list[0]!.id}`)).json()) as { text: string; subject: string }
}

/** A new, active fan on `brand`: signed up, e-mail verified, signed in. */
export async function newFan(brand: string, name = 'Test Fan'): Promise<{ id: string; email: string; token: string; handle: string }> {
  const tag = randomUUID().slice(0, 8)
  const email = `t-${tag}@example.test`
  const handle = `t_${tag}`
  const started = await api('/api/auth/signup', { method: 'POST', body: { brand, email, password: PASSWORD, displayName: name, handle,
    dateOfBirth: '1990-04-12', country: 'NL', acceptTerms: true, acceptPrivacy: true, attestAdult: true } })
  assert.equal(started.status, 202, JSON.stringify(started.body))
  const token = /verify-email\?token=([\w-]+)/.exec((await mailTo(email, 'verifyEmail')).text)?.[1]
  assert.equal((await api('/api/auth/verify-email', { method: 'POST', body: { token } })).status, 200)
  await until(() => api(`/api/signups/${started.body.personId}`), (r) => r.body?.status === 'active', 'activation')
  return { id: started.body.personId as string, email, handle, token: await login(email, PASSWORD) }
}

/** Signs a fresh person in again (roles granted since the last sign-in are in the new token). */
export const relogin = (email: string) => login(email, PASSWORD)

/** A new creator on `brand` with a current 2257 record: onboarding, an approved check at the KYC sandbox, compliance approval if asked. */
export async function newVerifiedCreator(brand: string, first = 'Tess', last = 'Maker') {
  const fan = await newFan(brand, `${first} ${last}`)
  const release = await api('/api/model-release', { token: fan.token })
  const started = await api('/api/creator-onboarding', { method: 'POST', token: fan.token, body: { brand, handle: fan.handle.replace(/^t_/, 'c_'), legalFirstName: first,
    legalLastName: last, stageNames: [`${first} Star`], release: { version: release.body.version, signatureName: `${first} ${last}`, agreed: true } } })
  assert.equal(started.status, 202, JSON.stringify(started.body))
  await until(() => api(`/api/creator-onboarding?brand=${brand}`, { token: fan.token }), (r) => Boolean(r.body?.hostedUrl), 'the provider session')
  const kyc = testStack().env.VERIFF_API_URL
  const sessions = (await (await fetch(`${kyc}/sandbox/sessions`)).json()) as { sessions: { id: string; vendorData: string }[] }
  const session = sessions.sessions.find((s) => s.vendorData === started.body.caseId)
  assert.ok(session, 'the KYC sandbox holds the session')
  const decided = await fetch(`${kyc}/sandbox/sessions/${session.id}/decide`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'approved', person: { firstName: first, lastName: last, dateOfBirth: '1991-03-04' },
      document: { type: 'PASSPORT', number: `P${randomUUID().slice(0, 7).toUpperCase()}`, country: 'NL', validUntil: '2032-01-31' } }) })
  assert.equal(decided.status, 200)
  const compliance = await login('compliance@fanz.demo')
  const c = await until(() => api(`/api/kyc-cases/${started.body.caseId}`, { token: compliance }), (r) => ['review', 'approved'].includes(r.body?.status), 'a KYC outcome')
  if (c.body.status === 'review') {
    const ok = await api(`/api/kyc-cases/${started.body.caseId}/decision`, { method: 'POST', token: compliance,
      body: { decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'test creator' } })
    assert.equal(ok.status, 200, JSON.stringify(ok.body))
  }
  const db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
  await db.connect()
  try {
    await until(() => db.query('SELECT 1 FROM performer_records WHERE person_id = $1 AND superseded_at IS NULL', [fan.id]), (r) => r.rowCount === 1, 'the 2257 record')
  } finally {
    await db.end()
  }
  const me = await until(async () => api('/api/auth/me', { token: await relogin(fan.email) }),
    (r) => r.body?.person?.roles?.some((g: { role: string }) => g.role === 'creator'), 'the creator role')
  assert.ok(me)
  return { ...fan, token: await relogin(fan.email), caseId: started.body.caseId as string }
}
