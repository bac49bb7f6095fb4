import type { FormEvent } from 'react'
import { useMemo, useState } from 'react'
import { ApiError, ApiFormError } from '../api'
import { countryOptions } from '../signup/CountryFields'
import { InputField, SelectField } from '../signup/Fields'
import { messageOf } from '../signup/signup-api'
import { day } from './format'
import type { TaxFormOnFile } from './payouts-api'
import { payoutsApi } from './payouts-api'
import { useLoad } from './use-load'

type Props = { token: string; onSessionExpired: () => void; onSigned: () => void }

const SOON_MS = 90 * 86_400_000

/** US persons sign a W-9; everyone else a W-8BEN (individuals) or W-8BEN-E (companies). */
const kindsFor = (country: string) => (country === 'US' ? ['W-9'] : ['W-8BEN', 'W-8BEN-E'])
const KIND_NOTE: Readonly<Record<string, string>> = {
  'W-9': 'For US citizens and residents: your SSN or EIN.',
  'W-8BEN': 'For individuals outside the US: your tax identification number where you live.',
  'W-8BEN-E': 'For companies outside the US: the company’s tax identification number.',
}

/** The tax form on file (and when it runs out), and the form to sign a new one: the kind follows the country. */
export function TaxFormSection({ token, onSessionExpired, onSigned }: Props) {
  const onFile = useLoad<TaxFormOnFile | null>(payoutsApi.taxForm, token, onSessionExpired)
  const [signing, setSigning] = useState(false)
  const form = onFile.data
  const expiresSoon = form?.expiresAt ? new Date(form.expiresAt).getTime() - Date.now() < SOON_MS : false
  const expired = form?.expiresAt ? new Date(form.expiresAt).getTime() < Date.now() : false
  return (
    <section className="earnings-section" aria-labelledby="earnings-tax-title" data-testid="earnings-tax-form">
      <h2 id="earnings-tax-title">Tax form</h2>
      {onFile.error && <p className="form-error" role="alert">{onFile.error}</p>}
      {!onFile.loaded && <p role="status">Loading…</p>}
      {onFile.loaded && !onFile.error && !form && <p className="status-line" data-testid="tax-form-missing">No tax form on file: payouts wait until you sign one.</p>}
      {form && (
        <p className="status-line" data-tone={expiresSoon ? undefined : 'done'} data-testid="tax-form-on-file" data-kind={form.kind} data-expired={String(expired)}>
          <span data-testid="tax-form-kind">{form.kind}</span> for {form.country}, TIN ending {form.tinLast4}, signed {day(form.signedAt)}
          {' · '}<span data-testid="tax-form-expires">{form.expiresAt ? `${expired ? 'expired' : 'valid until'} ${day(form.expiresAt)}` : 'does not expire'}</span>
          {expiresSoon && !expired && ' — sign a new one soon so payouts are not held.'}
        </p>
      )}
      {signing || (onFile.loaded && !form)
        ? <TaxForm token={token} onSessionExpired={onSessionExpired} onCancel={form ? () => setSigning(false) : undefined}
          onSigned={() => { setSigning(false); onFile.reload(); onSigned() }} />
        : form && <button type="button" className="btn btn-ghost" onClick={() => setSigning(true)} data-testid="tax-form-resign">Sign a new form</button>}
    </section>
  )
}

function TaxForm({ token, onSessionExpired, onSigned, onCancel }: { token: string; onSessionExpired: () => void; onSigned: () => void; onCancel?: () => void }) {
  const countries = useMemo(countryOptions, [])
  const [values, setValues] = useState({ country: '', kind: '', tin: '', signedName: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const kinds = values.country ? kindsFor(values.country) : []
  const kind = kinds.includes(values.kind) ? values.kind : (kinds[0] ?? '')
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([name]) => !(name in patch))))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (!values.country) return setErrors({ country: 'Choose the country you are a tax resident of.' })
    setBusy(true)
    setError(null)
    try {
      await payoutsApi.signTaxForm({ ...values, kind }, token)
      onSigned()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      const fields = caught instanceof ApiFormError ? caught.fields : {}
      setErrors(fields)
      if (Object.keys(fields).length === 0) setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="tax-form">
      <div className="field-row">
        <SelectField label="Country of tax residence" testId="tax-form-country" value={values.country} error={errors.country} onChange={(e) => set({ country: e.target.value })}>
          <option value="">Choose…</option>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </SelectField>
        <SelectField label="Form" testId="tax-form-kind-select" value={kind} error={errors.kind} disabled={kinds.length < 2} hint={KIND_NOTE[kind]}
          onChange={(e) => set({ kind: e.target.value })}>
          {kinds.length === 0 && <option value="">Choose a country first</option>}
          {kinds.map((k) => <option key={k} value={k}>{k}</option>)}
        </SelectField>
      </div>
      <InputField label={kind === 'W-9' ? 'SSN or EIN' : 'Tax identification number'} testId="tax-form-tin" value={values.tin} error={errors.tin}
        autoComplete="off" spellCheck={false} onChange={(e) => set({ tin: e.target.value })} />
      <InputField label="Signature: your full legal name" testId="tax-form-name" value={values.signedName} error={errors.signedName} autoComplete="name"
        hint="Typing your name signs the form under penalties of perjury, as the IRS form says." onChange={(e) => set({ signedName: e.target.value })} />
      {error && <p className="form-error" role="alert" data-testid="tax-form-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="tax-form-submit">{busy ? 'Signing…' : `Sign ${kind || 'the form'}`}</button>
        {onCancel && <button type="button" className="btn btn-ghost" disabled={busy} onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  )
}
