import type { Currency } from '../../../domain/money.ts'
import { InputField, SelectField } from '../signup/Fields'
import type { Access } from './media-types'
import type { UploadFormValues } from './upload-form'
import { CURRENCY_CODES } from './upload-form'

type AccessFieldsProps = { values: UploadFormValues; error?: string; onChange: (patch: Partial<UploadFormValues>) => void }

const CHOICES: { value: Access; label: string; note: string }[] = [
  { value: 'ppv', label: 'Pay-per-view', note: 'Fans pay once to unlock it.' },
  { value: 'subscribers', label: 'Subscribers only', note: 'Anyone subscribed to you on this brand can watch.' },
]

/** Who may watch: a one-off unlock at a price, or the creator's subscribers. */
export function AccessFields({ values, error, onChange }: AccessFieldsProps) {
  return (
    <fieldset className="media-fieldset" data-testid="upload-access">
      <legend>Who can watch</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="check">
          <input type="radio" name="access" value={c.value} checked={values.access === c.value}
            onChange={() => onChange({ access: c.value })} data-testid={`upload-access-${c.value}`} />
          <span><strong>{c.label}</strong> — {c.note}</span>
        </label>
      ))}
      {values.access === 'ppv' && (
        <div className="field-row">
          <InputField label="Price" testId="upload-price" inputMode="decimal" value={values.price} error={error}
            placeholder="4.99" onChange={(e) => onChange({ price: e.target.value })} />
          <SelectField label="Currency" testId="upload-currency" value={values.currency}
            onChange={(e) => onChange({ currency: e.target.value as Currency })}>
            {CURRENCY_CODES.map((code) => <option key={code} value={code}>{code}</option>)}
          </SelectField>
        </div>
      )}
    </fieldset>
  )
}
