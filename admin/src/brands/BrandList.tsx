import { DataTable, DateField, List } from 'react-admin'
import { ColorSwatchField } from './ColorSwatchField'

/** All storefront brands with their theme colour and age-gate policy. */
export function BrandList() {
  return (
    <List sort={{ field: 'slug', order: 'ASC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="slug" />
        <DataTable.Col source="name" />
        <DataTable.Col source="tagline" disableSort />
        <DataTable.Col source="primaryColor" label="Primary colour" field={ColorSwatchField} />
        <DataTable.Col
          source="strictAgeGate"
          label="Age gate"
          render={(brand) => (brand.strictAgeGate ? 'Verified age' : 'Self-declared 18+')}
        />
        <DataTable.Col source="createdAt" field={DateField} />
      </DataTable>
    </List>
  )
}
