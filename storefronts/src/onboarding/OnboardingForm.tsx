import { useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { codeOf } from '../signup/signup-api'
import { DetailsStep } from './DetailsStep'
import type { ModelRelease } from './onboarding-api'
import { startOnboarding } from './onboarding-api'
import type { OnboardingErrors, OnboardingValues } from './onboarding-form'
import { checkDetails, checkRelease, DETAIL_FIELDS, EMPTY_ONBOARDING, onboardingErrors, stageNamesOf } from './onboarding-form'
import { ReleaseStep } from './ReleaseStep'
import { Stepper } from './Stepper'

type OnboardingFormProps = { brand: Brand; token: string; onStarted: () => void; onSessionExpired: () => void }

const hasAny = (errors: OnboardingErrors) => Object.values(errors).some(Boolean)

/** Steps 1 and 2 of creator onboarding; on success the identity check at the provider is next. */
export function OnboardingForm({ brand, token, onStarted, onSessionExpired }: OnboardingFormProps) {
  const [step, setStep] = useState<'details' | 'release'>('details')
  const [values, setValues] = useState<OnboardingValues>(EMPTY_ONBOARDING)
  const [errors, setErrors] = useState<OnboardingErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const change = (field: keyof OnboardingValues, value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const next = () => {
    const found = checkDetails(values)
    setErrors(found)
    if (!hasAny(found)) setStep('release')
  }

  const submit = async (release: ModelRelease) => {
    const found = checkRelease(values)
    setErrors(found)
    setFormError(null)
    if (hasAny(found)) return
    setBusy(true)
    try {
      await startOnboarding({
        brand: brand.slug, handle: values.handle.trim().toLowerCase(), legalFirstName: values.legalFirstName.trim(),
        legalLastName: values.legalLastName.trim(), stageNames: stageNamesOf(values),
        release: { version: release.version, signatureName: values.signatureName.trim(), agreed: true },
      }, token)
      onStarted()
    } catch (caught) {
      const code = codeOf(caught)
      if (code === 'UNAUTHENTICATED') return onSessionExpired()
      // a check already running (another tab, an earlier attempt): show its progress instead
      if (code === 'VERIFICATION_IN_PROGRESS') return onStarted()
      const { form, fields } = onboardingErrors(caught)
      setErrors(fields)
      setFormError(form)
      if (DETAIL_FIELDS.some((f) => fields[f])) setStep('details')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Stepper current={step} />
      {formError && step === 'details' && <p className="form-error" role="alert" data-testid="onboarding-error">{formError}</p>}
      {step === 'details' ? (
        <DetailsStep brand={brand} values={values} errors={errors} onChange={change} onNext={next} />
      ) : (
        <ReleaseStep values={values} errors={errors} busy={busy} formError={formError} onChange={change}
          onBack={() => setStep('details')} onSubmit={(release) => void submit(release)} />
      )}
    </>
  )
}
