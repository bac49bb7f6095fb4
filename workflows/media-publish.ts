/** The last steps of ingestMedia: wait until every depicted performer has a 2257 record, then publish, index and notify. */
import { ParentClosePolicy, condition, setHandler, startChild, workflowInfo } from '@temporalio/workflow'
import { performerVerifiedSignal, verifyCoPerformerWorkflowId, type CoPerformerInvite, type IngestMediaOutput, type IngestStage } from './ingest-media.contract.ts'
import { mediaMailing, mediaRecords as rec } from './media-activities.ts'
import type { ReviewDesk } from './media-review.ts'
import { verifyCoPerformer } from './verify-co-performer.ts'

const GATE_POLL = '6 hours'
const GATE_DAYS = 30

export async function publishWhenCleared({ mediaId, invites, stage, desk, sourceKey }: { mediaId: string; invites: CoPerformerInvite[]
  stage: (s: IngestStage) => void; desk: ReviewDesk; sourceKey: string }): Promise<IngestMediaOutput> {
  stage('awaiting_performers')
  let poked = false
  setHandler(performerVerifiedSignal, () => { poked = true })
  const invited = new Set<string>()
  let giveUpAt = new Date().getTime() + GATE_DAYS * 86_400_000
  let told = false
  for (;;) {
    const missing = await rec.checkPerformers({ mediaId })
    if (!missing.length) break
    if (!told) { told = true; await rec.notifyCreator({ mediaId, notice: 'mediaAwaitingPerformers', key: 'awaiting-performers' }) }
    for (const m of missing) {
      const invite = invites.find((i) => i.performerId === m.performerId)
      if (!invite || invited.has(m.performerId)) continue
      invited.add(m.performerId)
      // a child per co-performer: it invites, reminds and tells us when their record exists; it outlives nothing of ours
      await startChild(verifyCoPerformer, { workflowId: verifyCoPerformerWorkflowId(m.performerId), parentClosePolicy: ParentClosePolicy.TERMINATE,
        args: [{ mediaId, performerId: m.performerId, ...(invite.email ? { email: invite.email } : {}), parentWorkflowId: workflowInfo().workflowId,
          expiresInDays: GATE_DAYS }] })
    }
    if (new Date().getTime() > giveUpAt) {
      await desk.autoReject('MISSING_PERFORMER', `no 2257 record for ${missing.map((m) => m.alias).join(', ')} within ${GATE_DAYS} days`)
      const afterAppeal = await desk.rejected('MISSING_PERFORMER', sourceKey)
      if ('status' in afterAppeal) return afterAppeal
      giveUpAt = new Date().getTime() + GATE_DAYS * 86_400_000
      stage('awaiting_performers')
      continue
    }
    poked = false
    await condition(() => poked, GATE_POLL)
  }
  stage('publishing')
  await rec.publishMedia({ mediaId })
  await rec.indexPublishedMedia({ mediaId })
  await mediaMailing.notifySubscribers({ mediaId })
  await rec.notifyCreator({ mediaId, notice: 'mediaPublished', key: 'published' })
  stage('published')
  return { status: 'PUBLISHED', reason: null }
}
