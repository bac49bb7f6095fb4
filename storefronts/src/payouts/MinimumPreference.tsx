import type { FormEvent } from 'react'
import { useState } from 'react'
import { parseDecimal } from '../../../domain/money.ts'
import { ApiError } from '../api'
import { InputField } from '../signup/Fields'
import { messageOf } from '../signup/signup-api'
import { money } from './format'
import { payoutsApi } from './payouts-api'

type Props = { currency: string; token: string; onSessionExpired: () => void; onSaved: () => void }

/** "Pay me only above": the creator's own minimum; the brand's minimum still applies when it is higher. */
export function MinimumPreference({ currency, token, onSessionExpired, onSaved }: Props) {
  const [value, setValue] = useState('')
  const [saved, setSaved] = useState<number | null>(null)
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    let minimum: number
    try {
      minimum = parseDecimal(value.trim() || '0', currency)
      if (minimum < 0) throw new Error('negative')
    } catch {
      return setError(`Enter an amount in ${currency}, like 100 or 250.00.`)
    }
    setBusy(true)
    setError(undefined)
    try {
      setSaved((await payoutsApi.setMinimum(minimum, token)).minimum)
      onSaved()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="earnings-section" aria-labelledby="earnings-minimum-title" data-testid="earnings-minimum">
      <h2 id="earnings-minimum-title">Pay me only above</h2>
      <p className="form-note">Fewer, larger payouts save on fees. Your minimum applies when it is above the brand’s; 0 uses the brand’s.</p>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <InputField label={`Minimum payout (${currency})`} testId="minimum-input" inputMode="decimal" placeholder="100.00" value={value} error={error}
          onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="minimum-save">{busy ? 'Saving…' : 'Save'}</button>
      </form>
      {saved !== null && <p className="status-line" data-tone="done" role="status" data-testid="minimum-saved" data-amount={saved}>Saved: paid only from {money(saved, currency)}.</p>}
    </section>
  )
}
