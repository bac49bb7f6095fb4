import type { Validator } from 'react-admin'
import { Create, DateTimeInput, maxValue, minValue, NumberInput, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { toIso, UUID } from '../share-rules/types'

const personId = [required(), regex(UUID, 'A person id (UUID)')]
const notTheCreator: Validator = (referrerId: string, values: { creatorId?: string }) =>
  referrerId && referrerId === values.creatorId ? 'A creator cannot refer themselves' : undefined
const inTheFuture: Validator = (endsAt: string | null) => (endsAt && new Date(endsAt) <= new Date() ? 'Must be in the future' : undefined)

/** A new referral: one per brand and creator, running from now until endsAt. */
export function ReferralCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <SelectInput source="brand" choices={BRAND_SLUGS.map((b) => ({ id: b, name: b }))} validate={required()} />
        <TextInput source="creatorId" label="Creator id" validate={personId} />
        <TextInput source="referrerId" label="Referrer id" validate={[...personId, notTheCreator]} />
        <NumberInput source="bps" label="Referrer cut of the platform share (basis points, 1000 = 10 %)" step={50}
          validate={[required(), minValue(0), maxValue(10_000)]} />
        <DateTimeInput source="endsAt" label="Ends at" parse={toIso} validate={[required(), inTheFuture]} />
      </SimpleForm>
    </Create>
  )
}
