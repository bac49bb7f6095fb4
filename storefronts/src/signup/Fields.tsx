import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react'

type Common = { label: ReactNode; testId: string; error?: string; hint?: ReactNode }

function describe(id: string, error?: string, hint?: ReactNode) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

function Notes({ id, testId, error, hint }: { id: string; testId: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint && <small id={`${id}-hint`} className="field-hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="field-error" data-testid={`${testId}-error`}>{error}</small>}
    </>
  )
}

/** A labelled input with its hint and its error (tied to it for screen readers). */
export function InputField({ label, testId, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${testId}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} aria-invalid={error ? true : undefined} aria-describedby={describe(id, error, hint)} data-testid={testId} />
      <Notes id={id} testId={testId} error={error} hint={hint} />
    </div>
  )
}

export function SelectField({ label, testId, error, hint, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = select.id ?? `field-${testId}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select {...select} id={id} aria-invalid={error ? true : undefined} aria-describedby={describe(id, error, hint)} data-testid={testId}>
        {children}
      </select>
      <Notes id={id} testId={testId} error={error} hint={hint} />
    </div>
  )
}

type CheckFieldProps = Common & { checked: boolean; onChange: (checked: boolean) => void }

/** A consent or attestation checkbox with its wording as the label. */
export function CheckField({ label, testId, error, checked, onChange }: CheckFieldProps) {
  const id = `field-${testId}`
  return (
    <div>
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} data-testid={testId} />
        <span>{label}</span>
      </label>
      {error && <small id={`${id}-error`} className="field-error" data-testid={`${testId}-error`}>{error}</small>}
    </div>
  )
}
