import { BooleanField, DateField, Show, SimpleShowLayout, TextField } from 'react-admin'
import { ColorSwatchField } from './ColorSwatchField'

/** One brand's identity and policy. */
export function BrandShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="slug" />
        <TextField source="name" />
        <TextField source="tagline" />
        <ColorSwatchField source="primaryColor" label="Primary colour" />
        <BooleanField source="strictAgeGate" label="Verified age required" />
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  )
}
