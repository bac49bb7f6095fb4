import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin'
import { PersonaChips, RoleChips } from './GrantChips'

/** One person: identity, staff roles and personas. */
export function PersonShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="id" />
        <TextField source="email" />
        <TextField source="displayName" />
        <RoleChips label="Roles" />
        <PersonaChips label="Personas" />
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  )
}
