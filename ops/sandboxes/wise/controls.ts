/** Test and ops controls of the Wise sandbox: the shared payout controls over Wise's transfers and balance statement. */
import { createPayoutControls } from '../payout-controls.ts'
import type { WiseState, WiseTransfer } from './state.ts'
import type { WiseWebhookPoster } from './webhooks.ts'

/** The statement shows an adjusted amount for a transfer's debit; an extra line is a debit nobody asked for (no real balance moves). */
export function createControlRouter(state: WiseState, webhooks: WiseWebhookPoster, now: () => number) {
  return createPayoutControls({
    list: () => ({ payouts: state.list(), balances: state.balances, webhooks: webhooks.deliveries }),
    failNextCalls: state.failNextCalls,
    find: (providerRef) => state.transfers.get(Number(providerRef)),
    extraCurrencies: state.balances.map((b) => b.currency),
    addExtra: ({ amount, currency, at }) => {
      const transfer: WiseTransfer = { id: state.nextId(), profile: 0, targetAccount: 0, quoteUuid: '', customerTransactionId: '', reference: '',
        status: 'outgoing_payment_sent', sourceCurrency: currency, sourceAmount: amount, targetCurrency: currency, targetAmount: amount, rate: '1',
        created: at, history: [{ state: 'outgoing_payment_sent', at }], reportAmount: null, extra: true }
      state.addTransfer(transfer)
      state.book(transfer, -amount, at)
      return transfer
    },
    now,
  })
}
