import assert from 'node:assert/strict'
import { escapeHtml, renderMail } from './layout.ts'
import { MEDIA_NOTICES, SUBSCRIPTION_NOTICES, TEMPLATES, type MailData, type MailTemplate } from './templates.ts'

const LINK = 'https://boyfanz.example/verify?token=abc&next=%2Fhome'
const EXPIRES = '2026-05-01T14:00:00.000Z'
const SAMPLES: { [K in MailTemplate]: MailData[K] } = {
  verifyEmail: { brand: 'boyfanz', name: 'Rex', link: LINK, code: 'K7Q2ZP', expiresAt: EXPIRES },
  passwordReset: { brand: 'boyfanz', name: 'Rex', link: LINK, expiresAt: EXPIRES },
  kycReminder: { brand: 'boyfanz', name: 'Rex', link: LINK, dueAt: EXPIRES },
  kycDecision: { brand: 'boyfanz', name: 'Rex', link: LINK, status: 'declined', reason: 'The photo is blurred' },
  signupActivated: { brand: 'boyfanz', name: 'Rex', link: LINK },
  kycEscalation: { caseId: 'case-42', link: LINK },
  subscriptionNotice: { brand: 'boyfanz', name: 'Rex', link: LINK, creator: 'Max', notice: 'subscriptionPaymentFailed', amount: '9.99 USD', at: EXPIRES },
  mediaNotice: { brand: 'boyfanz', name: 'Rex', link: LINK, title: 'Berlin night shoot', notice: 'mediaRejected', reason: 'BRAND_LIMIT' },
  newContent: { brand: 'boyfanz', name: 'Rex', link: LINK, creator: '@max', title: 'Berlin night shoot' },
  coPerformerInvite: { brand: 'boyfanz', creator: '@max', alias: 'Rex Star', link: LINK },
  mediaEscalation: { mediaId: 'media-42', reason: 'no decision within 24 hours', link: LINK },
  payoutNotice: { brand: 'boyfanz', name: 'Max', link: LINK, notice: 'payoutReturned', amount: '$1,250.00', rail: 'ACH', reason: 'R02 account closed' },
  payoutUnconfirmed: { creator: 'Gia', amount: '$90.00', reason: 'wire never confirmed the payout.', link: LINK },
  payoutApproval: { creator: 'Gia', amount: '$9,000.00', reason: 'above the approval threshold', expiresAt: '2026-12-01T06:00:00Z', reminder: 'no', link: LINK },
  privacyCode: { brand: 'boyfanz', kind: 'erasure', code: '042917', link: LINK, expiresAt: '2026-12-01T06:00:00Z' },
  privacyNotice: { brand: 'boyfanz', kind: 'access', notice: 'completed', link: LINK, downloadUntil: '2026-12-01T06:00:00Z', receiptDigest: 'ab12' },
  privacyDeadline: { requestId: '6f1c1e0a-3c7e-4a53-9a59-1f1e2b3c4d5e', kind: 'erasure', jurisdiction: 'GDPR', milestone: 'escalation', dueAt: '2026-12-01T06:00:00Z', link: LINK },
}

describe('mail templates', () => {
  it('every subscription notice renders with the creator named and the manage link', () => {
    for (const notice of SUBSCRIPTION_NOTICES) {
      const mail = renderMail('subscriptionNotice', { ...SAMPLES.subscriptionNotice, notice })
      assert.match(mail.subject, /^BoyFanz: /)
      assert.ok(mail.text.includes('Max') && mail.text.includes(LINK), `${notice}: ${mail.text}`)
    }
    assert.throws(() => renderMail('subscriptionNotice', { ...SAMPLES.subscriptionNotice, notice: 'subscriptionGoneFishing' }))
  })

  for (const template of Object.keys(TEMPLATES) as MailTemplate[]) {
    it(`${template}: brand in the subject, link in both parts`, () => {
      const mail = renderMail(template, SAMPLES[template])
      const internal = { kycEscalation: /^Fanz compliance: /, mediaEscalation: /^Fanz moderation: /, payoutApproval: /^Fanz finance: /, payoutUnconfirmed: /^Fanz finance: /, privacyDeadline: /^Fanz privacy: / } as Record<string, RegExp>
      assert.match(mail.subject, internal[template] ?? /^BoyFanz: /)
      assert.ok(mail.text.includes(LINK), mail.text)
      assert.ok(mail.html.includes('href="https://boyfanz.example/verify?token=abc&amp;next=%2Fhome"'), mail.html)
    })
  }

  it('every media notice renders with the title and the studio link', () => {
    for (const notice of MEDIA_NOTICES) {
      const mail = renderMail('mediaNotice', { ...SAMPLES.mediaNotice, notice })
      assert.ok(mail.text.includes('Berlin night shoot') && mail.text.includes(LINK), `${notice}: ${mail.text}`)
    }
  })

  it('email verification carries the code and the expiry in both parts', () => {
    const mail = renderMail('verifyEmail', SAMPLES.verifyEmail)
    for (const part of [mail.text, mail.html]) {
      assert.ok(part.includes('K7Q2ZP'))
      assert.ok(part.includes('2026-05-01 14:00 UTC'))
    }
  })

  it('escapes interpolated values in the HTML part, and leaves the text part as typed', () => {
    const name = '<script>alert("x")</script> & Co\'s'
    const mail = renderMail('kycDecision', { brand: 'girlfanz', name, link: LINK, status: 'declined', reason: '<img src=x onerror=alert(1)>' })
    assert.ok(!mail.html.includes('<script>'))
    assert.ok(!mail.html.includes('<img'))
    assert.ok(mail.html.includes('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s,'))
    assert.ok(mail.html.includes('Reason: &lt;img src=x onerror=alert(1)&gt;'))
    assert.ok(mail.text.includes(`Hi ${name},`))
    assert.equal(mail.subject, 'GirlFanz: we could not verify your identity')
  })

  // the shapes activities/identity sends today: display name or slug for the brand, extra keys, '' for "no reason"
  it('takes the brand by display name or slug, ignores extra keys, and reads an empty reason as none', () => {
    const byName = renderMail('verifyEmail', { brand: 'BoyFanz', name: 'Rex', link: LINK, expiresAt: EXPIRES, token: 'x'.repeat(43) })
    assert.equal(byName.subject, 'BoyFanz: confirm your email address')
    assert.ok(!byName.text.includes('Code:') && !byName.text.includes('xxxx'))
    const decided = renderMail('kycDecision', { brand: 'taboofanz', name: 'Rex', link: LINK, status: 'approved', reason: '' })
    assert.deepEqual([decided.subject, decided.text.includes('Reason')], ['TabooFanz: your identity is verified', false])
  })

  const invalid: [string, MailTemplate, unknown][] = [
    ['a javascript: link', 'signupActivated', { ...SAMPLES.signupActivated, link: 'javascript:alert(1)' }],
    ['an unknown brand', 'signupActivated', { ...SAMPLES.signupActivated, brand: 'onlyfans' }],
    ['a lowercase code', 'verifyEmail', { ...SAMPLES.verifyEmail, code: 'abc123' }],
    ['an expiry that is not a timestamp', 'passwordReset', { ...SAMPLES.passwordReset, expiresAt: 'tomorrow' }],
    ['an empty name', 'kycReminder', { ...SAMPLES.kycReminder, name: '  ' }],
    ['a KYC status that is no decision', 'kycDecision', { ...SAMPLES.kycDecision, status: 'review' }],
  ]
  for (const [what, template, data] of invalid) {
    it(`refuses ${what}`, () => assert.throws(() => renderMail(template, data), { name: 'ZodError' }))
  }

  const escapes: [string, string][] = [['a < b', 'a &lt; b'], ['"q"', '&quot;q&quot;'], ["it's", 'it&#39;s'], ['&amp;', '&amp;amp;'], ['plain', 'plain']]
  for (const [input, expected] of escapes) it(`escapeHtml(${JSON.stringify(input)})`, () => assert.equal(escapeHtml(input), expected))
})
