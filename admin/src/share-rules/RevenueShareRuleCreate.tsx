import { Create, DateTimeInput, maxValue, minValue, NumberInput, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { toIso, UUID } from './types'

/** A new share deal: for the whole brand (no creator) or one creator on it, from now or a later moment. */
export function RevenueShareRuleCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <SelectInput source="brand" choices={BRAND_SLUGS.map((b) => ({ id: b, name: b }))} validate={required()} />
        <TextInput source="creatorId" label="Creator id (empty: the brand's default)" validate={regex(UUID, 'A person id (UUID)')} />
        <NumberInput source="creatorShareBps" label="Creator share (basis points, 8000 = 80 %)" step={50}
          validate={[required(), minValue(0), maxValue(10_000)]} />
        <DateTimeInput source="validFrom" label="Valid from (empty: now)" parse={toIso} />
        <DateTimeInput source="validTo" label="Valid until (empty: open-ended)" parse={toIso} />
        <TextInput source="reason" multiline fullWidth validate={required()} helperText="Why this deal; kept with the rule and in the audit log" />
      </SimpleForm>
    </Create>
  )
}
