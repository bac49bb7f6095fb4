/** The consents a person gives, their current versions, and which a signup must carry. Pure. */
import { z } from 'zod'

/** The kinds of consent we record. */
export const CONSENT_KINDS = {
  terms: 'terms',
  privacy: 'privacy',
  marketingEmail: 'marketing_email',
  modelRelease: 'model_release',
  ageAttestation: 'age_attestation',
} as const
/** One kind of consent. */
export type ConsentKind = (typeof CONSENT_KINDS)[keyof typeof CONSENT_KINDS]

/** The version of each text in force; bump it when the text changes, and everyone is asked again. */
export const CURRENT_CONSENT_VERSIONS: Readonly<Record<ConsentKind, string>> = {
  terms: '2026-01-01',
  privacy: '2026-01-01',
  marketing_email: '2025-06-01',
  model_release: '2026-01-01',
  age_attestation: '2025-06-01',
}

/** The kinds of persona a person signs up as. */
export const PERSONA_KINDS = { fan: 'fan', creator: 'creator' } as const
/** A fan or a creator. */
export type PersonaKind = (typeof PERSONA_KINDS)[keyof typeof PERSONA_KINDS]

const C = CONSENT_KINDS
// Marketing is never required: consent that is a condition of signing up is not freely given (GDPR art. 7(4)).
const REQUIRED: Readonly<Record<PersonaKind, readonly ConsentKind[]>> = {
  fan: [C.terms, C.privacy, C.ageAttestation],
  // a creator also releases their likeness in what they publish (model release, 18 U.S.C. 2257 records)
  creator: [C.terms, C.privacy, C.ageAttestation, C.modelRelease],
}

/** A consent as given: its kind and the version of the text agreed to. */
export const consentSchema = z.object({
  kind: z.enum(Object.values(CONSENT_KINDS) as [ConsentKind, ...ConsentKind[]]),
  version: z.string().min(1),
})
/** A consent record. */
export type Consent = z.infer<typeof consentSchema>

/** The consents, at their current versions, that a signup of this persona kind must carry. */
export const requiredConsents = (persona: PersonaKind): Consent[] =>
  REQUIRED[persona].map((kind) => ({ kind, version: CURRENT_CONSENT_VERSIONS[kind] }))

/** The consents a persona may give but need not. */
export const optionalConsents = (persona: PersonaKind): Consent[] =>
  Object.values(CONSENT_KINDS).filter((k) => !REQUIRED[persona].includes(k))
    .map((kind) => ({ kind, version: CURRENT_CONSENT_VERSIONS[kind] }))

/** The required consents missing from `given`, or given for an older version of the text. */
export const missingConsents = (persona: PersonaKind, given: readonly Consent[]): Consent[] =>
  requiredConsents(persona).filter((r) => !given.some((g) => g.kind === r.kind && g.version === r.version))
