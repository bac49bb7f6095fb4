import type { FormEvent } from 'react'
import type { Brand } from '../../../domain/brands'
import { InputField } from '../signup/Fields'
import type { OnboardingErrors, OnboardingValues } from './onboarding-form'

type DetailsStepProps = {
  brand: Brand; values: OnboardingValues; errors: OnboardingErrors
  onChange: (field: keyof OnboardingValues, value: string) => void; onNext: () => void
}

/** Step 1: the creator handle, the legal name exactly as on the ID document, and any stage names (for the 2257 record). */
export function DetailsStep({ brand, values, errors, onChange, onNext }: DetailsStepProps) {
  const next = (event: FormEvent) => {
    event.preventDefault()
    onNext()
  }
  return (
    <form className="form" onSubmit={next} noValidate aria-label="Your details" data-testid="onboarding-details-form">
      <InputField label="Creator handle" testId="onboarding-handle" autoCapitalize="none" value={values.handle} error={errors.handle}
        hint={`Your @handle as a creator on ${brand.name}.`} onChange={(e) => onChange('handle', e.target.value)} />
      <div className="field-row">
        <InputField label="Legal first name" testId="onboarding-first-name" autoComplete="given-name" value={values.legalFirstName}
          error={errors.legalFirstName} onChange={(e) => onChange('legalFirstName', e.target.value)} />
        <InputField label="Legal last name" testId="onboarding-last-name" autoComplete="family-name" value={values.legalLastName}
          error={errors.legalLastName} onChange={(e) => onChange('legalLastName', e.target.value)} />
      </div>
      <InputField label="Stage names (optional)" testId="onboarding-stage-names" value={values.stageNames} error={errors.stageNames}
        hint="Every name you perform under, separated by commas. The law requires us to record them." onChange={(e) => onChange('stageNames', e.target.value)} />
      <p className="form-note">Use your name exactly as it appears on your passport or ID card: the identity check compares them.</p>
      <button type="submit" className="btn btn-primary" data-testid="onboarding-next">Continue to the model release</button>
    </form>
  )
}
