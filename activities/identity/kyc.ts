/** Activities of a verification case: provider session, read model, assessment of the provider's result, escalation, access. */
import { ApplicationFailure } from '@temporalio/activity'
import type { IdentityDeps } from './deps.ts'
import { assessDecision, type Assessment } from './assess.ts'

export type CaseStatus = 'awaiting_applicant' | 'resubmission_requested' | 'review' | 'approved' | 'declined' | 'expired'

export function createKycActivities({ db, pii, kyc, sendMail, publicUrl, complianceEmail }: IdentityDeps) {
  const provider = () => {
    if (!kyc) throw ApplicationFailure.nonRetryable('no KYC provider is configured (VERIFF_* variables)', 'KYC_PROVIDER_MISSING')
    return kyc
  }
  const declared = async (personId: string, evidence: string | null) =>
    evidence ? (JSON.parse(await pii.decrypt(personId, 'kyc_cases.evidence', evidence)) as { declared?: { firstName: string; lastName: string } }) : {}

  return {
    /** Opens a provider session for this round (or resubmission) of a case, creating the case row on a new round. Keyed. */
    async openKycRound(input: { idempotencyKey: string; caseId: string; personId: string; brandSlug: string; purpose: string; round: number;
      workflowId: string }) {
      const brand = await db.brand.findUniqueOrThrow({ where: { slug: input.brandSlug } })
      const previous = await db.kycCase.findFirst({ where: { personId: input.personId, purpose: input.purpose, NOT: { id: input.caseId } },
        orderBy: { createdAt: 'desc' } })
      const c = await db.kycCase.upsert({ where: { id: input.caseId }, update: {},
        create: { id: input.caseId, personId: input.personId, brandId: brand.id, purpose: input.purpose, workflowId: input.workflowId, round: input.round,
          status: 'awaiting_applicant', provider: provider().name, evidence: previous?.evidence ?? null, aliases: previous?.aliases ?? null,
          releaseVersion: previous?.releaseVersion ?? null, releaseSignature: previous?.releaseSignature ?? null } })
      const p = await db.person.findUniqueOrThrow({ where: { id: input.personId } })
      const names = (await declared(input.personId, c.evidence)).declared ?? { firstName: p.displayName.split(' ')[0] ?? p.displayName,
        lastName: p.displayName.split(' ').slice(1).join(' ') || p.displayName }
      const session = await provider().createSession({ idempotencyKey: input.idempotencyKey, personId: input.personId, vendorData: input.caseId,
        callbackUrl: `${publicUrl}/${input.brandSlug}/${input.purpose === 'creator' ? 'onboarding' : 'account'}`, person: names })
      await db.kycCase.update({ where: { id: input.caseId }, data: { providerSessionId: session.sessionId, hostedUrl: session.hostedUrl,
        expiresAt: new Date(session.expiresAt), updatedAt: new Date() } })
      return { sessionId: session.sessionId, hostedUrl: session.hostedUrl }
    },

    /** Keeps the case's read model current (the back office's KYC queue reads it). */
    async recordKycCase(input: { caseId: string; status: CaseStatus; resubmissions: number; remindersSent: number; reasonCode: string | null;
      reason: string | null; decidedBy?: string }) {
      const final = input.status === 'approved' || input.status === 'declined' || input.status === 'expired'
      await db.kycCase.update({ where: { id: input.caseId }, data: { status: input.status, resubmissions: input.resubmissions,
        remindersSent: input.remindersSent, reasonCode: input.reasonCode, reason: input.reason, updatedAt: new Date(),
        ...(final ? { decidedAt: new Date(), decidedBy: input.decidedBy ?? null } : {}) } })
    },

    /** Reads the provider's decision and applies our rules (age, document validity, name match); keeps the evidence encrypted. */
    async assessVerification(input: { caseId: string; sessionId: string; personId: string; acceptReview: boolean }): Promise<Assessment> {
      const decision = await provider().getDecision(input.sessionId)
      if (!decision) throw ApplicationFailure.retryable('the provider has not published its decision yet', 'KYC_DECISION_PENDING')
      const c = await db.kycCase.findUniqueOrThrow({ where: { id: input.caseId } })
      const person = await db.person.findUniqueOrThrow({ where: { id: input.personId } })
      const stated = (await declared(input.personId, c.evidence)).declared ?? null
      const assessment = assessDecision({ decision, declared: stated, country: person.country, region: person.region, now: new Date(),
        acceptReview: input.acceptReview })
      const evidence = JSON.stringify({ declared: stated, provider: decision, assessment })
      await db.kycCase.update({ where: { id: input.caseId }, data: { evidence: await pii.encrypt(input.personId, 'kyc_cases.evidence', evidence),
        updatedAt: new Date() } })
      return assessment
    },

    /** Tells the compliance team a case waited past its review SLA, once per case. */
    async escalateKycCase(input: { caseId: string; idempotencyKey: string }) {
      const { count } = await db.kycCase.updateMany({ where: { id: input.caseId, escalatedAt: null }, data: { escalatedAt: new Date() } })
      if (count === 0) return
      await sendMail({ idempotencyKey: input.idempotencyKey, to: complianceEmail, template: 'kycEscalation',
        data: { caseId: input.caseId, link: `${publicUrl}/admin/#/kyc-cases/${input.caseId}/show` } })
    },

    /** What an approval unlocks: the creator role on the brand, or a fan's verified age. */
    async grantVerifiedAccess(input: { caseId: string; personId: string; brandSlug: string; purpose: string }) {
      const brand = await db.brand.findUniqueOrThrow({ where: { slug: input.brandSlug } })
      const verified = { ageAssurance: 'verified_age', ageVerifiedAt: new Date() }
      if (input.purpose !== 'creator') return void (await db.person.update({ where: { id: input.personId }, data: verified }))
      await db.$transaction([
        db.person.update({ where: { id: input.personId }, data: verified }),
        db.roleGrant.upsert({ where: { personId_role_brandId: { personId: input.personId, role: 'creator', brandId: brand.id } },
          create: { personId: input.personId, role: 'creator', brandId: brand.id }, update: {} }),
      ])
    },
  }
}
