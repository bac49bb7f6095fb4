/** The 2257 record of a performer, made from an approved verification: encrypted fields, ID copies under retention, alias index. */
import { ApplicationFailure } from '@temporalio/activity'
import { RETENTION_MODES } from 'minio'
import { BUCKETS } from '../../domain/storage.ts'
import type { IdentityDeps } from './deps.ts'
import { normaliseAlias } from './aliases.ts'

const YEAR_MS = 365.25 * 86_400_000

export function createRecordActivities({ db, pii, kyc, storage, recordsRetentionYears }: IdentityDeps) {
  /** Copies the provider's document and face images into the records bucket, encrypted with the performer's key and locked. */
  async function storeIdCopies(personId: string, caseId: string, sessionId: string) {
    if (!kyc) throw ApplicationFailure.nonRetryable('no KYC provider is configured', 'KYC_PROVIDER_MISSING')
    const media = await kyc.listMedia(sessionId)
    const retainUntil = new Date(Date.now() + recordsRetentionYears * YEAR_MS)
    const copies: { key: string; kind: string; contentType: string }[] = []
    for (const m of media) {
      const file = await kyc.downloadMedia(m.mediaId)
      const key = `performers/${personId}/${caseId}/${m.kind}-${m.mediaId}.pii1`
      const sealed = await pii.encryptBlob(personId, 'performer_records.id_copy', file.bytes)
      const put = await storage.putObject(BUCKETS.records.name, key, sealed, sealed.length, { 'Content-Type': 'application/octet-stream',
        'X-Amz-Meta-Original-Content-Type': file.contentType })
      // compliance mode: not even the root account can shorten it; the statutory period outlives any operator mistake
      await storage.putObjectRetention(BUCKETS.records.name, key, { versionId: put.versionId ?? '', mode: RETENTION_MODES.COMPLIANCE,
        retainUntilDate: retainUntil.toISOString() })
      copies.push({ key, kind: m.kind, contentType: file.contentType })
    }
    return copies
  }

  return {
    /** Writes the performer's 2257 record for an approved creator case (once per case; a newer record supersedes older ones). */
    async createPerformerRecord(input: { caseId: string; personId: string; brandSlug: string }) {
      const existing = await db.performerRecord.findUnique({ where: { kycCaseId: input.caseId } })
      if (existing) return { recordId: existing.id }
      const c = await db.kycCase.findUniqueOrThrow({ where: { id: input.caseId } })
      if (!kyc || !c.providerSessionId) throw ApplicationFailure.nonRetryable('the case has no provider session', 'KYC_SESSION_MISSING')
      const decision = await kyc.getDecision(c.providerSessionId)
      const person = decision?.person
      const doc = person?.document
      if (!person?.firstName || !person.lastName || !person.dateOfBirth || !doc?.number || !doc.type || !doc.issuingCountry || !doc.validUntil) {
        throw ApplicationFailure.nonRetryable('the provider returned no complete identity for this case', 'KYC_INCOMPLETE_IDENTITY')
      }
      if (!c.releaseVersion || !c.releaseSignature) throw ApplicationFailure.nonRetryable('no signed model release on the case', 'RELEASE_MISSING')
      const release = await db.modelReleaseVersion.findUniqueOrThrow({ where: { version: c.releaseVersion } })
      const declared: string[] = c.aliases ? JSON.parse(await pii.decrypt(input.personId, 'kyc_cases.aliases', c.aliases)) : []
      const legalName = `${person.firstName} ${person.lastName}`
      const aliases = [...new Set([...declared, legalName])]
      const signature = await pii.decrypt(input.personId, 'kyc_cases.release_signature', c.releaseSignature)
      const idCopies = await storeIdCopies(input.personId, input.caseId, c.providerSessionId)
      const enc = (column: string, value: string) => pii.encrypt(input.personId, `performer_records.${column}`, value)
      const brand = await db.brand.findUniqueOrThrow({ where: { slug: input.brandSlug } })
      const data = {
        personId: input.personId, kycCaseId: input.caseId, brandId: brand.id,
        legalName: await enc('legal_name', legalName), dateOfBirth: await enc('date_of_birth', person.dateOfBirth),
        documentType: await enc('document_type', doc.type), documentNumber: await enc('document_number', doc.number),
        documentIndex: pii.blindIndex('performer_records.document_index', `${doc.issuingCountry}:${doc.number}`),
        documentIssuer: await enc('document_issuer', doc.issuingCountry), documentExpiresOn: await enc('document_expires_on', doc.validUntil),
        aliases: await enc('aliases', JSON.stringify(declared)), idCopies, releaseVersion: release.version,
        releaseSignature: await enc('release_signature', signature), releaseSha256: release.sha256,
      }
      const record = await db.$transaction(async (tx) => {
        await tx.performerRecord.updateMany({ where: { personId: input.personId, supersededAt: null }, data: { supersededAt: new Date() } })
        const r = await tx.performerRecord.create({ data })
        await tx.performerAlias.createMany({ data: aliases.map((a) => ({ recordId: r.id, aliasIndex: pii.blindIndex('performer_aliases.alias_index', normaliseAlias(a)) })),
          skipDuplicates: true })
        return r
      })
      return { recordId: record.id }
    },
  }
}
