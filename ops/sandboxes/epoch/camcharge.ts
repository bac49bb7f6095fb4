/** The sandbox's camcharge service (/secure/services/): a one-click sale on a test member's card on file. */
import express, { type Request } from 'express'
import { DATAPLUS_TYPES, DECLINE_ANSWERS, isEpochCurrency } from '../../../activities/payments/epoch/codes.ts'
import { digestMatches, signParams } from '../../../activities/payments/epoch/digest.ts'
import { dataPlusRow } from './events.ts'
import type { PostbackPoster } from './postbacks.ts'
import { send, type EpochState, type Reply, type SandboxSale } from './state.ts'

/** Test members: the member id's prefix decides the outcome; any other id is unknown to Epoch. */
export const TEST_MEMBERS = [
  { prefix: '10', ans: null, what: 'approves (card on file good)' },
  { prefix: '2051', ans: DECLINE_ANSWERS.insufficientFunds, what: 'declines: insufficient funds' },
  { prefix: '2054', ans: DECLINE_ANSWERS.expiredCard, what: 'declines: expired card' },
  { prefix: '2059', ans: DECLINE_ANSWERS.fraud, what: 'declines: fraud scrub' },
  { prefix: '2005', ans: DECLINE_ANSWERS.declined, what: 'declines: do not honor' },
] as const

export type CamchargeDeps = { coCode: string; hmacKey: string; state: EpochState; postbacks: PostbackPoster }

const text = (status: number, body: string): Reply => ({ status, contentType: 'text/plain', body })
const signed = (deps: CamchargeDeps, fields: Record<string, string>) =>
  text(200, new URLSearchParams(signParams(fields, deps.hmacKey)).toString())

function record(deps: CamchargeDeps, p: Record<string, string>, ans: string | null, idempotencyKey: string | null): SandboxSale {
  const approved = ans === null
  const sale: SandboxSale = {
    transactionId: approved ? deps.state.nextId() : null, memberId: p.member_id ?? '', coCode: deps.coCode,
    amount: p.auth_amount ?? '', currency: p.currency ?? '', description: p.description ?? '', approved,
    ans: ans ?? '', state: approved ? 'approved' : 'declined', settled: false, idempotencyKey, createdAt: new Date().toISOString(),
    passThrough: Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('x_'))),
  }
  // shaped like answers merchants have logged: 'Y' + approval code + '|' + the member (order) id
  if (approved) sale.ans = `Y${String(Number(sale.transactionId) % 1_000_000).padStart(6, '0')}UU|${sale.memberId}`
  deps.state.addSale(sale)
  return sale
}

function camcharge(deps: CamchargeDeps, p: Record<string, string>, idempotencyKey: string | null): Reply {
  if (p.co_code !== deps.coCode || !digestMatches(p, deps.hmacKey)) return text(401, 'NINVALIDDIGEST')
  if (p.api !== 'camcharge' || p.action !== 'authandclose') return text(400, 'NINVALIDAPI')
  const amount = p.auth_amount ?? ''
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0 || !isEpochCurrency(p.currency ?? '')) return text(400, 'NINVALIDAMOUNT')
  const member = /^\d+$/.test(p.member_id ?? '') ? TEST_MEMBERS.find((m) => (p.member_id ?? '').startsWith(m.prefix)) : undefined
  const sale = record(deps, p, member ? member.ans : DECLINE_ANSWERS.memberNotFound, idempotencyKey)
  if (sale.approved && sale.transactionId) {
    const row = dataPlusRow(sale, { id: sale.transactionId, type: DATAPLUS_TYPES.nonRecurring, amount }, Date.now())
    deps.state.addRow(row)
    deps.postbacks.post(row)
  }
  return signed(deps, { ans: sale.ans, member_id: sale.memberId, amount, currency: sale.currency,
    ...(sale.transactionId ? { transaction_id: sale.transactionId } : {}) })
}

export function createCamchargeRouter(deps: CamchargeDeps) {
  const router = express.Router()
  // documented as a URL with query parameters; the same fields are taken from a form body too
  router.all('/secure/services/', express.urlencoded({ extended: false }), (req: Request, res) => {
    const params = { ...(req.query as Record<string, string>), ...((req.body ?? {}) as Record<string, string>) }
    const key = req.get('x-idempotency-key')
    send(res, deps.state.replay('camcharge', key, () => camcharge(deps, params, key ?? null)))
  })
  return router
}
