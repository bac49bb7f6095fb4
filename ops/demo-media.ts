/**
 * Demo videos for `npm start`, made the way real ones are: a demo creator signs up, verifies at the KYC sandbox (so a
 * 2257 record exists), uploads generated clips through the studio API; the demo moderator approves one, the other waits
 * in the review queue. Runs once per database (skipped when the demo creator exists), in the background after start.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { renderTestClip } from '../activities/media/ffmpeg.ts'
import { DEMO_PASSWORD } from '../prisma/demo-users.ts'
import type { AppEnv } from './stack/stack.ts'

const CREATOR = { email: 'gia@fanz.demo', name: 'Gia Demo', handle: 'gia_films', brand: 'girlfanz', first: 'Gia', last: 'Demo' }
const CLIPS = [{ title: 'Golden hour on the pier', tags: ['sunset', 'outdoor'], approve: true }, { title: 'Studio warm-up', tags: ['studio'], approve: false }]

type Call = { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any -- demo script reads API shapes

export async function seedDemoMedia(env: AppEnv, log: (line: string) => void): Promise<void> {
  const call = async (p: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Call> => {
    const res = await fetch(`${env.PUBLIC_URL}${p}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> => {
    for (let i = 0; i < 600; i++) {
      const v = await read()
      if (ok(v)) return v
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`demo media: ${what} never happened`)
  }
  const login = async (email: string) => (await call('/api/auth/login', { method: 'POST', body: { email, password: DEMO_PASSWORD } })).body?.token as string | undefined
  if (await login(CREATOR.email)) return

  const signup = await call('/api/auth/signup', { method: 'POST', body: { brand: CREATOR.brand, email: CREATOR.email, password: DEMO_PASSWORD,
    displayName: CREATOR.name, handle: `${CREATOR.handle}_fan`, dateOfBirth: '1993-06-21', country: 'NL', acceptTerms: true, acceptPrivacy: true, attestAdult: true } })
  if (signup.status !== 202) throw new Error(`demo media: signup answered ${signup.status} ${JSON.stringify(signup.body)}`)
  const mails = await until(async () => (await (await fetch(`${env.MAIL_SINK_URL}/messages?to=${CREATOR.email}&template=verifyEmail`)).json()) as { id: string }[],
    (l) => l.length > 0, 'the verification mail')
  const text = ((await (await fetch(`${env.MAIL_SINK_URL}/messages/${mails[0]!.id}`)).json()) as { text: string }).text
  await call('/api/auth/verify-email', { method: 'POST', body: { token: /verify-email\?token=([\w-]+)/.exec(text)?.[1] } })
  let token = await until(() => login(CREATOR.email), Boolean, 'the demo creator\'s sign-in')
  const release = await call('/api/model-release', { token })
  const onboarding = await call('/api/creator-onboarding', { method: 'POST', token, body: { brand: CREATOR.brand, handle: CREATOR.handle,
    legalFirstName: CREATOR.first, legalLastName: CREATOR.last, stageNames: ['Gia'], release: { version: release.body.version, signatureName: `${CREATOR.first} ${CREATOR.last}`, agreed: true } } })
  await until(() => call(`/api/creator-onboarding?brand=${CREATOR.brand}`, { token }), (r) => Boolean(r.body?.hostedUrl), 'the KYC session')
  const sessions = (await (await fetch(`${env.VERIFF_API_URL}/sandbox/sessions`)).json()) as { sessions: { id: string; vendorData: string }[] }
  const session = sessions.sessions.find((s) => s.vendorData === onboarding.body.caseId)!
  await fetch(`${env.VERIFF_API_URL}/sandbox/sessions/${session.id}/decide`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'approved', person: { firstName: CREATOR.first, lastName: CREATOR.last, dateOfBirth: '1993-06-21' },
      document: { type: 'PASSPORT', number: 'DEMO00042', country: 'NL', validUntil: '2033-01-31' } }) })
  const compliance = (await login('compliance@fanz.demo'))!
  const kyc = await until(() => call(`/api/kyc-cases/${onboarding.body.caseId}`, { token: compliance }), (r) => ['review', 'approved'].includes(r.body?.status), 'a KYC outcome')
  if (kyc.body.status === 'review') {
    await call(`/api/kyc-cases/${onboarding.body.caseId}/decision`, { method: 'POST', token: compliance,
      body: { decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'demo creator' } })
  }
  token = await until(async () => {
    const t = await login(CREATOR.email)
    const me = await call('/api/auth/me', { token: t })
    return me.body?.person?.roles?.some((g: { role: string }) => g.role === 'creator') ? t : undefined
  }, Boolean, 'the demo creator\'s verification') as string

  const moderator = (await login('moderator@fanz.demo'))!
  const dir = await mkdtemp(path.join(tmpdir(), 'fanz-demo-'))
  try {
    for (const [i, clip] of CLIPS.entries()) {
      const file = path.join(dir, `demo-${i}.mp4`)
      await renderTestClip({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' }, file, { seconds: 8, width: 854, height: 480, audio: true })
      const bytes = await readFile(file)
      const started = await call('/api/media/uploads', { method: 'POST', token, body: { brand: CREATOR.brand, title: clip.title, tags: clip.tags, access: 'ppv',
        priceMinor: 399, currency: 'USD', fileName: `demo-${i}.mp4`, contentType: 'video/mp4', sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex') } })
      const part = await fetch(started.body.parts[0].url, { method: 'PUT', body: bytes })
      await call(`/api/media/uploads/${started.body.id}/complete`, { method: 'POST', token, body: { parts: [{ partNumber: 1, etag: part.headers.get('etag') }] } })
      await until(() => call(`/api/media/${started.body.id}`, { token }), (r) => r.body?.status === 'IN_REVIEW', `"${clip.title}" to reach review`)
      if (clip.approve) {
        await call(`/api/media-reviews/${started.body.id}/decision`, { method: 'POST', token: moderator, body: { decision: 'approve', reasonCode: 'LOOKS_FINE' } })
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  log(`demo videos in place: one published on ${CREATOR.brand} by @${CREATOR.handle}, one in the review queue (${CREATOR.email} / ${DEMO_PASSWORD})`)
}
