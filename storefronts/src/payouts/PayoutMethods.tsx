import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api'
import { messageOf } from '../signup/signup-api'
import { usePoll } from '../signup/use-poll'
import { METHOD_STATUS_LABEL } from './format'
import { MethodForm } from './MethodForm'
import { MethodRow } from './MethodRow'
import type { Methods, PayoutMethod } from './payouts-api'
import { METHOD_STATUS, payoutsApi } from './payouts-api'
import { useLoad } from './use-load'

type Props = { token: string; onSessionExpired: () => void }

const verifying = (m: PayoutMethod) => m.status === METHOD_STATUS.pending

/** Where payouts go, in the order the rails are tried; add one (verified with the rail), reorder, remove. */
export function PayoutMethods({ token, onSessionExpired }: Props) {
  const list = useLoad<Methods>(payoutsApi.methods, token, onSessionExpired)
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<PayoutMethod | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const methods = list.data?.methods ?? []
  const { reload } = list

  // a method added here is asked about every second until the rail has verified or refused it
  const loadAdded = useCallback(() => payoutsApi.method(added!.id, token), [added, token])
  const poll = usePoll(added ? loadAdded : null, 1000, verifying)
  // the poll may still hold the previous method's answer for a moment after another one is added
  const addedNow = poll.value && poll.value.id === added?.id ? poll.value : added
  useEffect(() => {
    if (addedNow && !verifying(addedNow)) reload()
  }, [addedNow, reload])
  // one still verifying from an earlier visit: look again now and then
  const stale = !added && methods.some(verifying)
  useEffect(() => {
    if (!stale) return
    const timer = setTimeout(reload, 3000)
    return () => clearTimeout(timer)
  }, [stale, list.data, reload])

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(messageOf(caught))
    } finally {
      setBusy(false)
      reload()
    }
  }
  // the new order, written as priorities 0, 1, 2…; only the methods whose place changed are sent
  const move = (index: number, by: -1 | 1) => act(async () => {
    const order = [...methods]
    const [moved] = order.splice(index, 1)
    order.splice(index + by, 0, moved!)
    for (const [priority, m] of order.entries()) if (m.priority !== Math.min(9, priority)) await payoutsApi.setPriority(m.id, Math.min(9, priority), token)
  })
  const remove = (m: PayoutMethod) => act(() => payoutsApi.removeMethod(m.id, token))

  return (
    <section className="earnings-section" aria-labelledby="earnings-methods-title" data-testid="earnings-methods">
      <div className="earnings-section-head">
        <h2 id="earnings-methods-title">Payout methods</h2>
        {!adding && list.data && list.data.rails.length > 0 && (
          <button type="button" className="btn btn-primary" onClick={() => { setAdding(true); setAdded(null) }} data-testid="method-add">Add a payout method</button>
        )}
      </div>
      <p className="form-note">Payouts go to the first verified method; if it fails, the next one is tried.</p>
      {list.error && <p className="form-error" role="alert" data-testid="methods-error">{list.error}</p>}
      {error && <p className="form-error" role="alert" data-testid="method-action-error">{error}</p>}
      {!list.loaded && <p role="status">Loading…</p>}
      {list.data?.rails.length === 0 && <p data-testid="methods-no-rails">Payouts are not available on this site yet.</p>}
      {addedNow && (
        <p className="status-line" role="status" data-tone={addedNow.status === 'VERIFIED' ? 'done' : undefined} data-testid="method-add-status" data-status={addedNow.status}>
          {addedNow.display}: {addedNow.status === 'FAILED' ? `could not be verified${addedNow.failure ? ` — ${addedNow.failure}` : ''}` : METHOD_STATUS_LABEL[addedNow.status]}
        </p>
      )}
      {adding && list.data && (
        <MethodForm rails={list.data.rails} existing={methods} token={token} onSessionExpired={onSessionExpired} onCancel={() => setAdding(false)}
          onAdded={(m) => { setAdding(false); setAdded(m); reload() }} />
      )}
      {list.loaded && methods.length === 0 && !adding && <p data-testid="methods-empty">No payout method yet: add one to get paid.</p>}
      {methods.length > 0 && (
        <ol className="earnings-methods" data-testid="methods-list">
          {methods.map((m, index) => (
            <MethodRow key={m.id} method={m} position={index} count={methods.length} busy={busy} onMove={(by) => void move(index, by)} onRemove={() => remove(m)} />
          ))}
        </ol>
      )}
    </section>
  )
}
