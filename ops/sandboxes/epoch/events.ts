/** Data Plus rows (the EpochTransStats columns of Epoch's Data Plus guide) for the sandbox's sales and reversals. */
import { dataPlusDate, type DataPlusRow, type SandboxSale } from './state.ts'

/**
 * One row; the x_ pass-through fields of the original sale ride along so the merchant can route it. Epoch's guide
 * lists only the ets_ columns for Data Plus: the echo of x_ fields (as its FlexPost postbacks do) and ets_currency
 * are this sandbox's assumption, and so is credit_type on credit rows.
 */
export function dataPlusRow(sale: SandboxSale, row: { id: string; type: string; amount: string; ref?: string; creditType?: string },
  now: number): DataPlusRow {
  return {
    ets_transaction_id: row.id,
    ets_member_idx: sale.memberId,
    ets_transaction_date: dataPlusDate(now),
    ets_transaction_type: row.type,
    ets_co_code: sale.coCode,
    ets_pi_code: 'camcharge',
    ets_reseller_code: 'a',
    ets_transaction_amount: row.amount,
    ets_payment_type: 'A',
    ets_ref_trans_ids: row.ref ?? '',
    ets_currency: sale.currency,
    ...(row.creditType ? { credit_type: row.creditType } : {}),
    ...sale.passThrough,
  }
}
