import type { Page } from 'playwright-core'

export type CreatorDetails = { handle: string; firstName: string; lastName: string; stageNames: string }
export type StartedOnboarding = { caseId: string; workflowId: string }
export type StepKey = 'details' | 'release' | 'identity' | 'review' | 'approved'

const STEP_KEYS: readonly StepKey[] = ['details', 'release', 'identity', 'review', 'approved']

/** A brand storefront's /onboarding page: sign-in, details, model release, then the case's progress (kept current by polling). */
export class CreatorOnboardingPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  url(slug: string): string {
    return `${this.baseUrl}/${slug}/onboarding`
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(this.url(slug), { waitUntil: 'domcontentloaded' })
    // the app renders either the 18+ gate or the page itself; wait for one of them
    await this.page.locator('[data-testid="age-gate"], [data-testid="onboarding-page"]').first().waitFor({ timeout: 30_000 })
  }

  /** Signs in through the dialog the page's Sign in button opens; resolves once the page shows the form or an existing case. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('onboarding-signin').click()
    const dialog = this.page.getByTestId('signin-dialog')
    await dialog.getByTestId('signin-email').fill(email)
    await dialog.getByTestId('signin-password').fill(password)
    await dialog.getByTestId('signin-submit').click()
    await dialog.waitFor({ state: 'detached', timeout: 30_000 })
    await this.page.locator('[data-testid="onboarding-details-form"], [data-testid="onboarding-status"]').first().waitFor({ timeout: 30_000 })
  }

  /** Step 1: handle, legal name and stage names; continues to the model release once the page accepts them. */
  async fillDetails(details: CreatorDetails): Promise<void> {
    await this.page.getByTestId('onboarding-handle').fill(details.handle)
    await this.page.getByTestId('onboarding-first-name').fill(details.firstName)
    await this.page.getByTestId('onboarding-last-name').fill(details.lastName)
    await this.page.getByTestId('onboarding-stage-names').fill(details.stageNames)
    await this.page.getByTestId('onboarding-next').click()
    // the release text is fetched from the API when the step opens
    await this.page.getByTestId('onboarding-release-text').waitFor({ timeout: 30_000 })
  }

  releaseText() {
    return this.page.getByTestId('onboarding-release-text')
  }

  /** Step 2: signs the release by typing the legal name and agreeing; returns the API's 202 answer for the started case. */
  async signRelease(signature: string): Promise<StartedOnboarding> {
    await this.page.getByTestId('onboarding-signature').fill(signature)
    await this.page.getByTestId('onboarding-agree').check()
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/creator-onboarding',
        { timeout: 30_000 }),
      this.page.getByTestId('onboarding-submit').click(),
    ])
    if (response.status() !== 202) throw new Error(`POST /api/creator-onboarding answered ${response.status()}: ${await response.text()}`)
    return (await response.json()) as StartedOnboarding
  }

  status() {
    return this.page.getByTestId('onboarding-status')
  }

  /** Waits until the case shows `status` (the page polls the API every 2 s while the case is open). */
  async waitForStatus(status: string, timeoutMs = 60_000): Promise<string> {
    await this.page.locator(`[data-testid="onboarding-status"][data-status="${status}"]`).waitFor({ timeout: timeoutMs })
    return (await this.status().innerText()).trim()
  }

  /** data-state of every stepper step, in order: done, active, failed or todo. */
  async stepStates(): Promise<Record<StepKey, string | null>> {
    await this.page.getByTestId('onboarding-stepper').waitFor({ timeout: 30_000 })
    const states = {} as Record<StepKey, string | null>
    for (const key of STEP_KEYS) states[key] = await this.page.getByTestId(`onboarding-step-${key}`).getAttribute('data-state')
    return states
  }

  /** Follows "Continue to identity check" (same tab) once the provider session is open; returns the hosted page's URL. */
  async continueToIdentityCheck(): Promise<{ href: string; target: string | null }> {
    const link = this.page.getByTestId('onboarding-continue')
    // the link appears once the workflow has opened the provider session
    await link.waitFor({ timeout: 60_000 })
    const href = await link.getAttribute('href')
    const target = await link.getAttribute('target')
    if (!href) throw new Error('the continue link has no href')
    await Promise.all([this.page.waitForURL((url) => url.href === href, { timeout: 30_000 }), link.click()])
    return { href, target }
  }
}
