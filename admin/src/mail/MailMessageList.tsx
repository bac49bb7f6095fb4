import { Chip } from '@mui/material'
import { DataTable, DateField, List, SearchInput, SelectInput, TextInput } from 'react-admin'
import { formatAddresses, MAIL_TEMPLATES, type MailMessage } from './types'

const filters = [
  <SearchInput key="q" source="q" placeholder="Subject" alwaysOn />,
  <TextInput key="to" source="to" label="Recipient" alwaysOn />,
  <SelectInput key="template" source="template" choices={Object.values(MAIL_TEMPLATES).map((t) => ({ id: t, name: t }))} alwaysOn />,
]

/** Mail the platform sent, as the local sink received it, newest first. */
export function MailMessageList() {
  return (
    <List sort={{ field: 'receivedAt', order: 'DESC' }} filters={filters} exporter={false} title="Mail sink">
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="receivedAt" label="Received" render={(m: MailMessage) => <DateField record={m} source="receivedAt" showTime />} />
        <DataTable.Col source="to" disableSort render={(m: MailMessage) => formatAddresses(m.to) || m.envelope.to.join(', ')} />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="template" disableSort
          render={(m: MailMessage) => (m.template ? <Chip size="small" variant="outlined" label={m.template} /> : '—')} />
      </DataTable>
    </List>
  )
}
