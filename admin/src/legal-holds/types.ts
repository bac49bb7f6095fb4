/** Litigation hold read model (GET /api/legal-holds): set by compliance, it keeps a person's data from erasure until released or ended. */

export type LegalHold = {
  id: string
  personId: string
  personEmail: string
  kind: 'litigation'
  reason: string
  /** null: until released */
  until: string | null
  setAt: string
  setBy: string
  setByEmail: string | null
  releasedAt: string | null
  releasedBy: string | null
  releaseReason: string | null
  active: boolean
}
