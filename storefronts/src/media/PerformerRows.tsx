import type { PerformerRow } from './upload-form'
import { LIMITS } from './upload-form'

type PerformerRowsProps = { rows: PerformerRow[]; errors?: Record<number, string>; onChange: (rows: PerformerRow[]) => void }

let nextKey = 1

/** Everyone else in the video: stage name and e-mail; each is invited to confirm their 2257 record before it is published. */
export function PerformerRows({ rows, errors = {}, onChange }: PerformerRowsProps) {
  const update = (key: number, patch: Partial<PerformerRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  return (
    <fieldset className="media-fieldset" data-testid="upload-performers">
      <legend>Co-performers</legend>
      <p className="form-note">List everyone else who appears in the video. We cannot publish it until each of them has a verified 2257 record.</p>
      {rows.map((row, i) => {
        const error = errors[row.key]
        const errorId = `performer-${row.key}-error`
        return (
          <div key={row.key} className="media-performer-row" data-testid={`upload-performer-${i}`}>
            <label className="field">
              <span>Stage name</span>
              <input value={row.alias} maxLength={LIMITS.alias} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
                onChange={(e) => update(row.key, { alias: e.target.value })} data-testid={`upload-performer-${i}-alias`} />
            </label>
            <label className="field">
              <span>E-mail</span>
              <input type="email" value={row.email} maxLength={254} autoComplete="off" aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined} onChange={(e) => update(row.key, { email: e.target.value })}
                data-testid={`upload-performer-${i}-email`} />
            </label>
            <button type="button" className="link-button" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              aria-label={`Remove co-performer ${i + 1}`} data-testid={`upload-performer-${i}-remove`}>
              Remove
            </button>
            {error && <small id={errorId} className="field-error" data-testid={`upload-performer-${i}-error`}>{error}</small>}
          </div>
        )
      })}
      <button type="button" className="btn btn-ghost" disabled={rows.length >= LIMITS.performers}
        onClick={() => onChange([...rows, { key: nextKey++, alias: '', email: '' }])} data-testid="upload-add-performer">
        Add co-performer
      </button>
    </fieldset>
  )
}
