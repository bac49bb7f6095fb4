import { ApplicationFailure, condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler } from '@temporalio/workflow'
import type { MediaPublishingActivities } from '../activities/media/publishing.ts'
import { performerVerifiedSignal, type VerifyCoPerformerInput } from './ingest-media.contract.ts'

const act = proxyActivities<MediaPublishingActivities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } })

/** A co-performer named on an upload: invited by mail, then checked until their 2257 record exists or the invitation lapses. */
export async function verifyCoPerformer(input: VerifyCoPerformerInput): Promise<'verified' | 'expired'> {
  let poked = false
  setHandler(performerVerifiedSignal, () => { poked = true })
  await act.inviteCoPerformer({ performerId: input.performerId, ...(input.email ? { email: input.email } : {}) })
  const expiresAt = new Date().getTime() + (input.expiresInDays ?? 30) * 86_400_000
  for (;;) {
    const missing = await act.checkPerformers({ mediaId: input.mediaId })
    if (!missing.some((m) => m.performerId === input.performerId)) {
      // the parent may have found the record on its own poll and finished already: nothing left to tell it
      await getExternalWorkflowHandle(input.parentWorkflowId).signal(performerVerifiedSignal, { performerId: input.performerId }).catch((err: unknown) => {
        if (!(err instanceof ApplicationFailure && err.type === 'ExternalWorkflowExecutionNotFound')) throw err
      })
      return 'verified'
    }
    if (new Date().getTime() >= expiresAt) {
      // the lapsed invitation's address is needed no more: its sealed copy and the slot's key go
      if (patched('co-performer-forget-invite')) await act.forgetCoPerformerInvite({ performerId: input.performerId })
      return 'expired'
    }
    poked = false
    await condition(() => poked, '6 hours')
  }
}
