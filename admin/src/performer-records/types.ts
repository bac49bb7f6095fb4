/** 2257 performer record read model (GET /api/performer-records, /api/performer-records/:id), dates YYYY-MM-DD. */

export type PerformerRecord = {
  id: string
  personId: string
  brand: string
  legalName: string
  dateOfBirth: string
  aliases: string[]
  documentType: string
  documentIssuer: string
  documentExpiresOn: string | null
  recordMadeAt: string
  releaseVersion: string
  supersededAt: string | null
}

export type IdCopy = { index: number; kind: string; contentType: string; url: string }

export type PerformerRecordDetail = PerformerRecord & {
  documentNumber: string
  idCopies: IdCopy[]
  releaseSignature: { name: string; signedAt: string } | null
  custodian: { name: string; title: string; businessAddress: string; email: string } | null
}

/** The cross-reference indexes the custodian must be able to produce: by legal name and by alias. */
export const EXPORT_INDEXES = { performer: 'By performer', alias: 'By alias' } as const
export type ExportIndex = keyof typeof EXPORT_INDEXES
export const EXPORT_FORMATS = ['csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
