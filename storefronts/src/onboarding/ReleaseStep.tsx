import type { FormEvent } from 'react'
import { useEffect, useState } from 'react'
import { CheckField, InputField } from '../signup/Fields'
import { messageOf } from '../signup/signup-api'
import type { ModelRelease } from './onboarding-api'
import { getModelRelease } from './onboarding-api'
import type { OnboardingErrors, OnboardingValues } from './onboarding-form'
import { legalName } from './onboarding-form'

type ReleaseStepProps = {
  values: OnboardingValues; errors: OnboardingErrors; busy: boolean; formError: string | null
  onChange: (field: 'signatureName' | 'agreed', value: string | boolean) => void
  onBack: () => void; onSubmit: (release: ModelRelease) => void
}

/** Step 2: the current model release, signed by typing the legal name and agreeing. */
export function ReleaseStep({ values, errors, busy, formError, onChange, onBack, onSubmit }: ReleaseStepProps) {
  const [release, setRelease] = useState<ModelRelease | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    getModelRelease().then(
      (loaded) => active && setRelease(loaded),
      (error: unknown) => active && setLoadError(messageOf(error)),
    )
    return () => {
      active = false
    }
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (release) onSubmit(release)
  }
  if (loadError) return <p className="form-error" role="alert" data-testid="onboarding-release-error">{loadError}</p>
  if (!release) return <p role="status">Loading the model release…</p>
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Model release" data-testid="onboarding-release-form">
      <div className="release-text" tabIndex={0} aria-label={`Model release, version ${release.version}`}
        data-testid="onboarding-release-text" data-version={release.version}>
        {release.body}
      </div>
      <InputField label="Sign by typing your legal name" testId="onboarding-signature" autoComplete="name" value={values.signatureName}
        error={errors.signatureName} hint={`As given on the previous step: ${legalName(values)}`} onChange={(e) => onChange('signatureName', e.target.value)} />
      <CheckField testId="onboarding-agree" checked={values.agreed} error={errors.agreed} onChange={(c) => onChange('agreed', c)}
        label={`I have read and agree to the model release (version ${release.version}).`} />
      {formError && <p className="form-error" role="alert" data-testid="onboarding-error">{formError}</p>}
      <div className="actions">
        <button type="button" className="btn btn-ghost" onClick={onBack} data-testid="onboarding-back">Back</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="onboarding-submit">
          {busy ? 'Starting…' : 'Sign and continue'}
        </button>
      </div>
    </form>
  )
}
