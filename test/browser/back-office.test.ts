import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { AdminApp } from './pages/admin-app.ts'
import { screenshot, useBrowser } from './support/browser.ts'

const ADMIN = { email: 'admin@fanz.demo', password: 'FanzDemo!2026' }
const CHECK_NAMES = ['postgres', 'object-storage', 'search', 'ffprobe', 'worker-core', 'worker-media', 'worker-finance']

type ApiMeta = { temporalUiUrl: string; namespace: string; apiVersion: string }

describe('back office (browser)', function () {
  this.timeout(120_000)
  const session = useBrowser()

  it('an admin runs a platform check from the dashboard and every dependency passes', async () => {
    const page = await session.browser.newPage()
    const admin = new AdminApp(page, session.baseUrl)

    await admin.login(ADMIN.email, ADMIN.password)
    assert.match(new URL(page.url()).pathname, /^\/admin\/?$/, 'lands on the dashboard')

    const started = await admin.runPlatformCheck()
    assert.ok(started.id && started.workflowId, 'the 202 answer names the check and its workflow')
    const verdict = await admin.waitForResult(started.id)
    const rows = await admin.checkRows()
    await screenshot(page, 'back-office-platform-check')

    const failed = rows.filter((row) => row.result !== 'OK')
    assert.equal(verdict, 'All checks passed', `failing checks: ${JSON.stringify(failed)}`)
    assert.deepEqual(rows.map((row) => row.name).sort(), [...CHECK_NAMES].sort())
    for (const row of rows) {
      assert.equal(row.result, 'OK', `${row.name}: ${row.detail}`)
      assert.match(row.latency, /^\d+(\.\d+)? ms$/, `${row.name} latency`)
    }

    const meta = (await (await fetch(`${session.baseUrl}/api/meta`)).json()) as ApiMeta
    const link = await admin.workflowLink()
    assert.equal(link.text, started.workflowId)
    assert.equal(link.target, '_blank')
    assert.equal(
      link.href,
      `${meta.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${meta.namespace}/workflows/${encodeURIComponent(started.workflowId)}`,
    )
    await page.close()
  })
})
