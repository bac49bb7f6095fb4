/** Who may refund a purchase, and when. Pure: callers pass the time. */
export const FAN_REFUND_WINDOW_HOURS = 24

export const REFUND_REFUSALS = {
  notYours: 'NOT_YOUR_PURCHASE',
  notRefundable: 'NOT_REFUNDABLE',
  windowClosed: 'REFUND_WINDOW_CLOSED',
} as const
export type RefundRefusalCode = (typeof REFUND_REFUSALS)[keyof typeof REFUND_REFUSALS]

export type RefundRequest = {
  purchase: { fanId: string; status: string; createdAt: Date; transactionId: string | null; kind?: string }
  requester: { personId: string; role: 'fan' | 'finance' }
  now: Date
}

/** Null when the refund may go ahead; otherwise the code and a message for the requester. */
export function refundRefusal({ purchase, requester, now }: RefundRequest): { code: RefundRefusalCode; message: string } | null {
  if (requester.role === 'fan' && purchase.fanId !== requester.personId) return { code: REFUND_REFUSALS.notYours, message: 'That is not your purchase.' }
  if (purchase.status !== 'COMPLETED' || !purchase.transactionId) {
    return { code: REFUND_REFUSALS.notRefundable, message: `A ${purchase.status.toLowerCase()} purchase cannot be refunded.` }
  }
  // a minted collectible cannot be handed back: refunding it is finance's call, with the token in view
  if (requester.role === 'fan' && purchase.kind === 'collectible') {
    return { code: REFUND_REFUSALS.notRefundable, message: 'A collectible is minted to you and cannot be refunded here; contact support.' }
  }
  if (requester.role === 'fan' && now.getTime() - purchase.createdAt.getTime() > FAN_REFUND_WINDOW_HOURS * 3600_000) {
    return { code: REFUND_REFUSALS.windowClosed, message: `Refunds can be requested within ${FAN_REFUND_WINDOW_HOURS} hours of a purchase.` }
  }
  return null
}
