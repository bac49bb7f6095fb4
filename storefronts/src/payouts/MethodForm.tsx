import type { FormEvent } from 'react'
import { useMemo, useState } from 'react'
import type { PayoutRailName } from '../../../domain/payouts/destinations.ts'
import { ApiError, ApiFormError } from '../api'
import { countryOptions } from '../signup/CountryFields'
import { InputField, SelectField } from '../signup/Fields'
import { messageOf } from '../signup/signup-api'
import { RAIL_LABEL } from './format'
import type { FieldSpec, MethodValues } from './method-fields'
import { destinationOf, fieldsOf, initialValues } from './method-fields'
import type { PayoutMethod } from './payouts-api'
import { payoutsApi } from './payouts-api'

type Props = { rails: PayoutRailName[]; existing: PayoutMethod[]; token: string; onAdded: (method: PayoutMethod) => void; onCancel: () => void; onSessionExpired: () => void }

/** Adds a payout method: the fields change with the rail; the API checks them and names the field that is wrong. */
export function MethodForm({ rails, existing, token, onAdded, onCancel, onSessionExpired }: Props) {
  const [rail, setRail] = useState<PayoutRailName>(rails[0] ?? 'paxum')
  const [values, setValues] = useState<MethodValues>(() => initialValues(rails[0] ?? 'paxum'))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const countries = useMemo(countryOptions, [])
  const fields = fieldsOf(rail, values)
  const replaces = existing.find((m) => m.rail === rail)

  const chooseRail = (next: PayoutRailName) => {
    setRail(next)
    setValues(initialValues(next))
    setErrors({})
    setError(null)
  }
  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors(({ [name]: _gone, ...rest }) => rest)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    setErrors({})
    try {
      // tried after the creator's other methods (a method replaced on the same rail keeps no place)
      const priority = Math.min(9, existing.filter((m) => m.rail !== rail).length)
      onAdded(await payoutsApi.addMethod(destinationOf(rail, values), priority, token))
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      // request validation names 'destination.iban', the destination checks 'iban'
      const named = Object.entries(caught instanceof ApiFormError ? caught.fields : {}).map(([path, message]) => [path.replace(/^destination\./, ''), message])
      const known = Object.fromEntries(named.filter(([name]) => fields.some((f) => f.name === name)))
      setErrors(known)
      // a refusal that names no field shown here is said above the button
      if (Object.keys(known).length === 0) setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  const input = (f: FieldSpec) => {
    const common = { label: f.label, testId: `method-${f.name}`, error: errors[f.name], hint: f.hint, name: f.name, value: values[f.name] ?? '' }
    if (f.kind === 'country' || f.kind === 'select') {
      const options = f.kind === 'country' ? countries.map((c) => ({ value: c.code, label: c.name })) : (f.options ?? []).map((o) => ({ value: o, label: o }))
      return (
        <SelectField key={f.name} {...common} onChange={(e) => set(f.name, e.target.value)}>
          {f.kind === 'country' && <option value="">Choose…</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </SelectField>
      )
    }
    return <InputField key={f.name} {...common} type={f.kind === 'email' ? 'email' : 'text'} autoComplete={f.autoComplete ?? 'off'} spellCheck={false}
      onChange={(e) => set(f.name, e.target.value)} />
  }

  return (
    <form className="form earnings-method-form" onSubmit={(e) => void submit(e)} noValidate data-testid="method-form">
      <SelectField label="Payout method" testId="method-rail" value={rail} onChange={(e) => chooseRail(e.target.value as PayoutRailName)}>
        {rails.map((r) => <option key={r} value={r}>{RAIL_LABEL[r] ?? r}</option>)}
      </SelectField>
      {replaces && <p className="form-note" data-testid="method-replaces">This replaces your {replaces.display}. Payouts already sent are not redirected.</p>}
      <div className="field-row">{fields.map(input)}</div>
      {error && <p className="form-error" role="alert" data-testid="method-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="method-submit">{busy ? 'Checking…' : 'Save and verify'}</button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={onCancel} data-testid="method-cancel">Cancel</button>
      </div>
    </form>
  )
}
