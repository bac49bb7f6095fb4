/** Epoch's camcharge service: charges a member's card on file (one-click), signed with `epoch_digest`. */
import { digestMatches, signParams } from './digest.ts'

export type CamchargeConfig = { apiBaseUrl: string; coCode: string; hmacKey: string; fetch: typeof fetch }

/** What we send besides the fixed api/action/co_code: the member, the amount, and x_ pass-through fields. */
export type CamchargeParams = { member_id: string; auth_amount: string; currency: string; description: string } & Record<`x_${string}`, string>

/** The answer: `ans` ('Y…|id' or 'N…'), the transaction and member ids, and Epoch's digest over all of it. */
export type CamchargeReply = { ans: string; transaction_id?: string; member_id?: string } & Record<string, string>

export function createCamchargeClient(config: CamchargeConfig) {
  return {
    /**
     * One merchant-initiated sale. Public camcharge clients build it as a signed URL on /secure/services/; we POST
     * the same fields form-encoded so that no proxy ever replays a charge as a cacheable GET. The answer's shape
     * (form-encoded, signed) is our assumption. Throws on transport failures, non-2xx answers (bad co_code or
     * key: retryable once an operator fixes it) and answers without a valid digest.
     */
    async charge(params: CamchargeParams, idempotencyKey: string): Promise<CamchargeReply> {
      const body = signParams({ api: 'camcharge', action: 'authandclose', co_code: config.coCode, ...params }, config.hmacKey)
      const res = await config.fetch(`${config.apiBaseUrl}/secure/services/`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          // Epoch documents no idempotency header; the sandbox replays the first answer for it, and the key also
          // travels signed as x_idempotency_key so a duplicate shows up in Epoch's own records
          'X-Idempotency-Key': idempotencyKey,
        },
        body: new URLSearchParams(body).toString(),
      })
      if (!res.ok) throw new Error(`Epoch camcharge failed with HTTP ${res.status} (check EPOCH_CO_CODE and EPOCH_HMAC_KEY)`)
      const reply = Object.fromEntries(new URLSearchParams(await res.text()))
      if (!digestMatches(reply, config.hmacKey)) throw new Error('Epoch camcharge answer carries no valid epoch_digest')
      if (!reply.ans) throw new Error('Epoch camcharge answer has no ans')
      return reply as CamchargeReply
    },
  }
}
