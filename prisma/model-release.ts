/** The model release performers sign during creator onboarding (versioned: a new text is a new version, never an edit). */
import { createHash } from 'node:crypto'

export const MODEL_RELEASE = {
  version: '2026-01',
  effectiveAt: '2026-01-01T00:00:00Z',
  body: [
    'MODEL RELEASE AND CONSENT',
    'I confirm that I am at least 18 years old (or the age of majority where I live, if higher) and that the identity document I submit is my own and valid.',
    'I consent to the recording, publication and sale, on the Fanz brands, of the content I upload in which I appear, and I confirm that every other person appearing in it is an adult who consented and will be verified before publication.',
    'I understand that the platform keeps the records required by 18 U.S.C. 2257 and 28 CFR Part 75, including a copy of my identity document, for the period the law requires, even after my account is closed.',
    'I may withdraw content at any time; withdrawal does not remove records the law requires the platform to keep.',
  ].join('\n\n'),
} as const

export const modelReleaseSha256 = () => createHash('sha256').update(MODEL_RELEASE.body).digest('hex')

/** The custodian of records named for every brand in the demo (a deployment sets its own per brand). */
export const DEMO_CUSTODIAN = {
  name: 'Cora Compliance', title: 'Custodian of Records', email: 'compliance@fanz.demo',
  businessAddress: 'Fanz Media Ltd., 100 Example Street, Suite 2257, Wilmington, DE 19801, USA',
} as const
