/** Exchange rates by day: the rate a sale in another currency than its brand's settles at (kept on its entry too). */
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange'
import { Create, CreateButton, DataTable, List, regex, required, SelectInput, SimpleForm, TextInput, TopToolbar } from 'react-admin'
import { CURRENCIES } from '../../../domain/money.ts'

const currencies = Object.keys(CURRENCIES).map((c) => ({ id: c, name: c }))
const filters = [
  <SelectInput key="base" source="base" choices={currencies} alwaysOn />,
  <SelectInput key="quote" source="quote" choices={currencies} alwaysOn />,
]

function FxRateList() {
  return (
    <List sort={{ field: 'asOf', order: 'DESC' }} filters={filters} exporter={false} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="asOf" label="Day" />
        <DataTable.Col source="base" />
        <DataTable.Col source="quote" />
        <DataTable.Col source="rate" label="Quote units per base unit" align="right" disableSort />
        <DataTable.Col source="source" disableSort />
      </DataTable>
    </List>
  )
}

const today = () => new Date().toISOString().slice(0, 10)

function FxRateCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ asOf: today(), quote: 'USD' }}>
        <SelectInput source="base" choices={currencies} validate={required()} />
        <SelectInput source="quote" choices={currencies} validate={required()} />
        <TextInput source="asOf" label="Day (YYYY-MM-DD, UTC)" validate={[required(), regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')]} />
        <TextInput source="rate" label="Rate (quote units per base unit, e.g. 1.0850)" validate={[required(), regex(/^\d{1,10}(\.\d{1,10})?$/, 'A decimal, at most 10 decimals')]} />
        <TextInput source="source" fullWidth validate={required()} helperText="Where the rate comes from, e.g. ECB reference rate; a day's rate is fixed once saved" />
      </SimpleForm>
    </Create>
  )
}

export default { list: FxRateList, create: FxRateCreate, icon: CurrencyExchangeIcon }
