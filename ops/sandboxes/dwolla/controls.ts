/** Test and ops controls of the Dwolla sandbox: the shared payout controls over Dwolla's transfers (USD only). */
import { createPayoutControls } from '../payout-controls.ts'
import type { DwollaWebhookPoster } from './events.ts'
import { baseOf, type DwollaState, type DwollaTransfer } from './state.ts'

/** The transfer list shows an adjusted amount; an extra line is a processed transfer nobody asked for. */
export function createControlRouter(state: DwollaState, webhooks: DwollaWebhookPoster, now: () => number) {
  return createPayoutControls({
    /** Every transfer, customer and funding source (account numbers masked), the master balance and every webhook delivery. */
    list: () => ({ payouts: state.list(), customers: [...state.customers.values()], fundingSources: [...state.fundingSources.values()].map((f) =>
      ({ ...f, accountNumber: `****${f.accountNumber.slice(-4)}` })), balance: state.balance(), webhooks: webhooks.deliveries }),
    failNextCalls: state.failNextCalls,
    find: (providerRef) => state.transfers.get(providerRef),
    extraCurrencies: ['USD'],
    addExtra: ({ amount, at }, req) => {
      const transfer: DwollaTransfer = { id: state.newId(), base: baseOf(req), destinationId: state.newId(), amount,
        status: 'processed', created: at, metadata: {}, correlationId: null, failure: null, reportAmount: null, extra: true }
      state.transfers.set(transfer.id, transfer)
      return transfer
    },
    now,
  })
}
