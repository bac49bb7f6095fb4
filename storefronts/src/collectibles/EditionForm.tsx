import type { FormEvent } from 'react'
import { useCallback, useState } from 'react'
import { ApiError, ApiFormError } from '../api'
import { useLoad } from '../payouts/use-load'
import { InputField, SelectField } from '../signup/Fields'
import { messageOf } from '../signup/signup-api'
import { collectiblesApi } from './collectibles-api'
import type { EditionFormErrors, EditionFormValues } from './edition-form'
import { EMPTY_EDITION_FORM, readEditionForm } from './edition-form'

type Props = { brand: string; token: string; onSessionExpired: () => void; onCreated: () => void }

// a refusal names the API's field (details.field, or the validation path); the inputs are keyed the same way
const FIELDS: readonly (keyof EditionFormErrors)[] = ['mediaId', 'title', 'description', 'maxSupply', 'priceMinor', 'royaltyBps']
const VALUE_OF: Readonly<Record<keyof EditionFormValues, keyof EditionFormErrors>> = {
  mediaId: 'mediaId', title: 'title', description: 'description', maxSupply: 'maxSupply', price: 'priceMinor', royalty: 'royaltyBps',
}

/** Make an edition of one of the creator's published videos: title, description, size, price in dollars, royalty in percent. */
export function EditionForm({ brand, token, onSessionExpired, onCreated }: Props) {
  const loadMedia = useCallback((t: string) => collectiblesApi.mediaFor(brand, t), [brand])
  const media = useLoad(loadMedia, token, onSessionExpired)
  const [values, setValues] = useState<EditionFormValues>(EMPTY_EDITION_FORM)
  const [errors, setErrors] = useState<EditionFormErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<EditionFormValues>) => {
    setValues((v) => ({ ...v, ...patch }))
    const cleared = new Set(Object.keys(patch).map((k) => VALUE_OF[k as keyof EditionFormValues]))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([name]) => !cleared.has(name as keyof EditionFormErrors))))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const read = readEditionForm(values, brand)
    setErrors(read.errors)
    setError(null)
    setCreated(null)
    if (!read.input) return
    setBusy(true)
    try {
      const started = await collectiblesApi.create(read.input, token)
      setCreated({ id: started.id, title: read.input.title })
      setValues(EMPTY_EDITION_FORM)
      media.reload()
      onCreated()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      const fields = caught instanceof ApiFormError ? caught.fields : {}
      const known = Object.fromEntries(FIELDS.flatMap((f) => (fields[f] ? [[f, fields[f]]] : [])))
      setErrors(known)
      if (Object.keys(known).length === 0) setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  const options = media.data?.data ?? []
  return (
    <section className="earnings-section" aria-labelledby="edition-form-title" data-testid="edition-form-section">
      <h2 id="edition-form-title">New collectible</h2>
      {created && (
        <p className="status-line" data-tone="done" data-testid="edition-created" data-id={created.id}>
          “{created.title}” is being checked and put on chain. It goes on sale once it shows On sale above.
        </p>
      )}
      {media.error && <p className="form-error" role="alert">{media.error}</p>}
      {media.loaded && !media.error && options.length === 0 && (
        <p data-testid="edition-media-empty">No published video without an edition yet: a collectible is made of a video that passed review.</p>
      )}
      {options.length > 0 && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="edition-form">
          <SelectField label="Video" testId="edition-form-media" value={values.mediaId} error={errors.mediaId} onChange={(e) => set({ mediaId: e.target.value })}>
            <option value="">Choose a published video…</option>
            {options.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
          </SelectField>
          <InputField label="Title" testId="edition-form-title" value={values.title} error={errors.title} maxLength={120} onChange={(e) => set({ title: e.target.value })} />
          <div className="field">
            <label htmlFor="field-edition-form-description">Description (optional)</label>
            <textarea id="field-edition-form-description" rows={3} value={values.description} maxLength={2000} aria-invalid={errors.description ? true : undefined}
              onChange={(e) => set({ description: e.target.value })} data-testid="edition-form-description" />
            {errors.description && <small className="field-error" data-testid="edition-form-description-error">{errors.description}</small>}
          </div>
          <div className="field-row">
            <InputField label="Edition size (tokens)" testId="edition-form-max-supply" inputMode="numeric" value={values.maxSupply} error={errors.maxSupply}
              onChange={(e) => set({ maxSupply: e.target.value })} />
            <InputField label="Price (US dollars)" testId="edition-form-price" inputMode="decimal" placeholder="25.00" value={values.price} error={errors.priceMinor}
              onChange={(e) => set({ price: e.target.value })} />
            <InputField label="Royalty on resales (%)" testId="edition-form-royalty" inputMode="decimal" value={values.royalty} error={errors.royaltyBps}
              hint="Paid to you when a token is resold." onChange={(e) => set({ royalty: e.target.value })} />
          </div>
          {error && <p className="form-error" role="alert" data-testid="edition-form-error">{error}</p>}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="edition-form-submit">{busy ? 'Submitting…' : 'Create collectible'}</button>
          </div>
        </form>
      )}
    </section>
  )
}
