import type { Page } from 'playwright-core'

/** What the applicant reports in the sandbox's hosted flow (ops/sandboxes/kyc/hosted-page.ts); dates YYYY-MM-DD. */
export type HostedVerification = {
  firstName: string
  lastName: string
  dateOfBirth: string
  document: { type: 'PASSPORT' | 'ID_CARD' | 'DRIVERS_LICENSE' | 'RESIDENCE_PERMIT'; number: string; country: string; validUntil: string }
  outcome: 'approved' | 'declined' | 'resubmission_requested' | 'review'
}

/** The KYC sandbox's hosted verification page (/v/{sessionToken}): one server-rendered form, no scripts. */
export class KycHostedFlow {
  constructor(private readonly page: Page) {}

  private field(name: string) {
    return this.page.locator(`form [name="${name}"]`)
  }

  async waitForForm(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Verify your identity' }).waitFor({ timeout: 30_000 })
  }

  /** Fills the person and the document as the applicant would, and picks the outcome the sandbox reports. */
  async fill(v: HostedVerification): Promise<void> {
    await this.field('firstName').fill(v.firstName)
    await this.field('lastName').fill(v.lastName)
    await this.field('dateOfBirth').fill(v.dateOfBirth)
    await this.field('documentType').selectOption(v.document.type)
    await this.field('documentNumber').fill(v.document.number)
    await this.field('documentCountry').fill(v.document.country)
    await this.field('documentValidUntil').fill(v.document.validUntil)
    // the reason stays on its preset "Default for the outcome"
    await this.field('outcome').selectOption(v.outcome)
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit verification' }).click()
  }

  /** Waits for the sandbox's 303 back to the merchant's callback; a refused form stays here with its problems listed. */
  async waitForCallback(callbackUrl: string, timeoutMs = 30_000): Promise<void> {
    try {
      await this.page.waitForURL((url) => url.href.startsWith(callbackUrl), { timeout: timeoutMs })
    } catch (error) {
      const problems = await this.page.getByRole('alert').allInnerTexts()
      throw new Error(`the provider did not send the browser back to ${callbackUrl}: ${problems.join('; ') || String(error)}`)
    }
  }
}
