import { DataTable, List, SelectInput, TextInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands'
import { ACCOUNT_KINDS } from '../../../domain/ledger/accounts'
import { formatMinor, formatSide } from '../money'

/** Ledger account read model (GET /api/ledger-accounts); balances in signed minor units, debit positive. */
type LedgerAccount = {
  id: string; key: string; brand: string; currency: string; kind: string; owner: string | null
  balance: number; pendingDebits: number; pendingCredits: number
}

const filters = [
  <SelectInput key="brand" source="brand" choices={BRAND_SLUGS.map((slug) => ({ id: slug, name: slug }))} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={Object.values(ACCOUNT_KINDS).map(({ code }) => ({ id: code, name: code }))} alwaysOn />,
  <TextInput key="owner" source="owner" label="Owner (person id, processor or jurisdiction)" />,
]

/** The chart of accounts with posted balances and what pending transfers reserve. */
export function LedgerAccountList() {
  return (
    <List sort={{ field: 'key', order: 'ASC' }} filters={filters} exporter={false}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="key" cellSx={() => ({ fontFamily: 'monospace' })} />
        <DataTable.Col source="kind" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="owner" disableSort render={(a: LedgerAccount) => a.owner ?? '—'} />
        <DataTable.Col source="balance" align="right" render={(a: LedgerAccount) => formatSide(a.balance, a.currency)} />
        <DataTable.Col source="pendingDebits" label="Pending debits" align="right" disableSort
          render={(a: LedgerAccount) => formatMinor(a.pendingDebits, a.currency)} />
        <DataTable.Col source="pendingCredits" label="Pending credits" align="right" disableSort
          render={(a: LedgerAccount) => formatMinor(a.pendingCredits, a.currency)} />
      </DataTable>
    </List>
  )
}
