import { DataTable, DateField, List } from 'react-admin'
import { PersonaChips, RoleChips } from './GrantChips'

/** Everyone in the shared identity graph, with staff roles and per-brand personas. */
export function PersonList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="email" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="roles" disableSort field={RoleChips} />
        <DataTable.Col source="personas" disableSort field={PersonaChips} />
        <DataTable.Col source="createdAt" field={DateField} />
      </DataTable>
    </List>
  )
}
