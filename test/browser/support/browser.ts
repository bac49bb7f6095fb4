import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { after, before } from 'mocha'

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]
const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-artifacts/screenshots/', import.meta.url))

/** Base URL of the stack started by the root hook in test/setup/. */
export function stackUrl(): string {
  const url = process.env.FANZ_API_URL
  if (!url) {
    throw new Error('FANZ_API_URL is not set: browser tests need the stack started by the mocha root hook in test/setup/')
  }
  return url.replace(/\/+$/, '')
}

export type BrowserSession = { context: BrowserContext; newPage(): Promise<Page>; close(): Promise<void> }

/** Headless Chromium with a fresh profile (no stored age gates or tokens), removed on close. */
export async function launchBrowser(): Promise<BrowserSession> {
  const profileDir = await mkdtemp(join(tmpdir(), 'fanz-browser-'))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
  })
  return {
    context,
    async newPage() {
      const page = await context.newPage()
      // surface page errors in the mocha output instead of failing silently in the browser
      page.on('pageerror', (error) => console.error(`[browser] ${page.url()}: ${error.message}`))
      return page
    },
    async close() {
      await context.close()
      await rm(profileDir, { recursive: true, force: true })
    },
  }
}

/** Full-page screenshot kept as a test artifact: test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** One Chromium per describe block: launched before its tests, closed after; call inside `describe`. */
export function useBrowser(): { readonly baseUrl: string; readonly browser: BrowserSession } {
  const state = {} as { baseUrl: string; browser: BrowserSession }
  before(async () => {
    state.baseUrl = stackUrl()
    state.browser = await launchBrowser()
  })
  after(async () => {
    await state.browser?.close()
  })
  return state
}
