import assert from 'node:assert/strict'
import { after, before, describe, it } from 'mocha'
import pg from 'pg'
import { testStack } from '../support/stack.ts'
import { AdminApp } from './pages/admin-app.ts'
import { CreatorOnboardingPage } from './pages/creator-onboarding.ts'
import { KycCasePages } from './pages/kyc-cases.ts'
import type { HostedVerification } from './pages/kyc-hosted-flow.ts'
import { KycHostedFlow } from './pages/kyc-hosted-flow.ts'
import { PerformerRecordPages } from './pages/performer-records.ts'
import { StorefrontPage } from './pages/storefront.ts'
import { screenshot, useBrowser } from './support/browser.ts'

// fan2 is the browser tests' fan; the PPV test buys as fan2 too, so nothing here depends on its purchases
const FAN = { email: 'fan2@fanz.demo', password: 'FanzDemo!2026' }
const COMPLIANCE = { email: 'compliance@fanz.demo', password: 'FanzDemo!2026' }
const BRAND = 'boyfanz'
const DETAILS = { handle: 'fox_creates', firstName: 'Fox', lastName: 'Fan', stageNames: 'Fox Star' }
// the passport reads "Fann": our name check sends the case to a human although the provider approves
const AT_PROVIDER: HostedVerification = {
  firstName: 'Fox', lastName: 'Fann', dateOfBirth: '1992-03-04',
  document: { type: 'PASSPORT', number: 'P9876543', country: 'DE', validUntil: '2031-01-31' }, outcome: 'approved',
}
const DECISION = { decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'Surname typo; passport checked' } as const

describe('creator onboarding, storefront to 2257 record (browser)', function () {
  this.timeout(180_000)
  const session = useBrowser()
  let db: pg.Client
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
  })
  after(async () => {
    await db?.end()
  })

  it('a BoyFanz fan verifies at the KYC provider; compliance approves the name mismatch; the 2257 record is findable', async () => {
    const shop = await session.browser.newPage()
    const onboarding = new CreatorOnboardingPage(shop, session.baseUrl)
    await onboarding.open(BRAND)
    await new StorefrontPage(shop, session.baseUrl).passAgeGate()
    await onboarding.signIn(FAN.email, FAN.password)

    await onboarding.fillDetails(DETAILS)
    const release = (await (await fetch(`${session.baseUrl}/api/model-release`)).json()) as { version: string }
    assert.equal(await onboarding.releaseText().getAttribute('data-version'), release.version, 'the release in force is shown')
    assert.ok((await onboarding.releaseText().innerText()).trim().length > 0, 'the release text is shown')
    await screenshot(shop, 'creator-onboarding-release')
    const started = await onboarding.signRelease(`${DETAILS.firstName} ${DETAILS.lastName}`)
    assert.ok(started.caseId && started.workflowId, 'the 202 answer names the case and its workflow')

    await onboarding.waitForStatus('awaiting_applicant')
    assert.deepEqual(await onboarding.stepStates(), { details: 'done', release: 'done', identity: 'active', review: 'todo', approved: 'todo' })
    const hosted = await onboarding.continueToIdentityCheck()
    assert.equal(hosted.target, null, 'the provider page opens in the same tab')
    assert.equal(new URL(hosted.href).port, new URL(testStack().env.VERIFF_API_URL).port, `${hosted.href} is the KYC provider`)

    const provider = new KycHostedFlow(shop)
    await provider.waitForForm()
    await provider.fill(AT_PROVIDER)
    await screenshot(shop, 'creator-onboarding-provider')
    await provider.submit()
    await provider.waitForCallback(onboarding.url(BRAND))
    assert.match(await onboarding.waitForStatus('review'), /compliance team is reviewing/)
    assert.deepEqual(await onboarding.stepStates(), { details: 'done', release: 'done', identity: 'done', review: 'active', approved: 'todo' })
    await screenshot(shop, 'creator-onboarding-review')

    const office = await session.browser.newPage()
    await new AdminApp(office, session.baseUrl).login(COMPLIANCE.email, COMPLIANCE.password)
    const kyc = new KycCasePages(office)
    await kyc.openQueue()
    await kyc.rowOf(FAN.email).waitFor({ timeout: 30_000 })
    await screenshot(office, 'creator-onboarding-kyc-queue')
    const opened = await kyc.openCaseOf(FAN.email)
    assert.equal(opened.caseId, started.caseId)
    assert.equal(opened.rowStatus, 'review', 'the queue opens on the cases that need a review')

    const evidence = await kyc.evidence()
    assert.deepEqual(evidence.filter((row) => row.mismatch).map((row) => row.field), ['last-name'], JSON.stringify(evidence))
    const read = (field: string) => evidence.find((row) => row.field === field)?.text ?? ''
    assert.ok(read('last-name').includes('Fann'), `the provider's reading is shown: ${read('last-name')}`)
    assert.ok(read('date-of-birth').includes(AT_PROVIDER.dateOfBirth), read('date-of-birth'))
    assert.ok(read('document-number').includes(AT_PROVIDER.document.number), read('document-number'))
    const images = await kyc.loadedImages()
    assert.ok(images.length >= 1, 'at least one captured image is shown')
    await screenshot(office, 'creator-onboarding-kyc-case')

    const decided = await kyc.decide(started.caseId, DECISION)
    assert.equal(decided.status, 'approved')
    await kyc.waitForCaseStatus('approved')
    await screenshot(office, 'creator-onboarding-kyc-case-approved')

    await shop.reload({ waitUntil: 'domcontentloaded' })
    assert.match(await onboarding.waitForStatus('approved'), /You are verified/)
    assert.deepEqual(await onboarding.stepStates(), { details: 'done', release: 'done', identity: 'done', review: 'done', approved: 'done' })
    assert.equal(await shop.getByTestId('onboarding-continue').count(), 0, 'nothing is left to do at the provider')
    await screenshot(shop, 'creator-onboarding-approved')

    const records = new PerformerRecordPages(office)
    await records.open()
    const found = await records.search('Fox Star')
    await screenshot(office, 'creator-onboarding-2257-record')
    assert.equal(found.length, 1, JSON.stringify(found))
    const [record] = found
    assert.ok(record!.text.includes('Fox Fann'), `the legal name as read from the passport: ${record!.text}`)
    assert.ok(record!.text.includes(AT_PROVIDER.dateOfBirth), record!.text)
    assert.deepEqual(record!.aliases, ['Fox Star'])

    const fan = (await db.query('SELECT id FROM people WHERE email = $1', [FAN.email])).rows[0] as { id: string }
    const rows = (await db.query('SELECT id, kyc_case_id FROM performer_records WHERE person_id = $1', [fan.id])).rows as { id: string; kyc_case_id: string }[]
    assert.deepEqual(rows, [{ id: record!.id, kyc_case_id: started.caseId }], 'one 2257 record, from this case, the one listed')
    const kycCase = (await db.query('SELECT workflow_id, status FROM kyc_cases WHERE id = $1', [started.caseId])).rows[0] as { workflow_id: string; status: string }
    assert.deepEqual(kycCase, { workflow_id: started.workflowId, status: 'approved' })
    const audit = (await db.query(`SELECT workflow_id, actor_email, reason FROM audit_logs WHERE action = 'kyc_case.approve' AND resource_id = $1`,
      [started.caseId])).rows
    assert.deepEqual(audit, [{ workflow_id: kycCase.workflow_id, actor_email: COMPLIANCE.email, reason: `${DECISION.reasonCode}: ${DECISION.reason}` }])
    await office.close()
    await shop.close()
  })
})
