import { Create, DateInput, email, required, SimpleForm, TextInput } from 'react-admin'

type FormValues = { email: string; reason: string; until?: string | null }

const pad = (n: number) => String(n).padStart(2, '0')
// today as the date input shows it (the person's local calendar day), to compare with its YYYY-MM-DD value
const today = () => {
  const now = new Date()
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

// the API refuses an end in the past (400 VALIDATION_FAILED): saying so up front spares the round trip
const notPast = (value: string | null | undefined) => (value && value < today() ? 'The hold cannot end in the past' : undefined)

/** POST /api/legal-holds takes `until` as an ISO date, or no `until` at all for a hold that lasts until released. */
const toBody = ({ email: address, reason, until }: FormValues) => ({ email: address.trim(), reason: reason.trim(), ...(until ? { until } : {}) })

/** A litigation hold on one person: erasure keeps their data back until the date, or until released when there is none. */
export function LegalHoldCreate() {
  return (
    <Create title="New legal hold" transform={toBody} redirect="list">
      <SimpleForm>
        <TextInput source="email" label="Person's account email" validate={[required(), email()]} fullWidth />
        <TextInput source="reason" multiline minRows={3} fullWidth validate={required()}
          helperText="The matter (case number, counsel's request); kept with the hold and in the audit log" />
        <DateInput source="until" label="Until (empty: until released)" validate={notPast} />
      </SimpleForm>
    </Create>
  )
}
