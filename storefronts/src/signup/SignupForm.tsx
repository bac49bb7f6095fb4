import type { FormEvent } from 'react'
import { useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { CountryFields } from './CountryFields'
import { CheckField, InputField } from './Fields'
import type { SignupStarted } from './signup-api'
import { signup } from './signup-api'
import type { FieldErrors, SignupValues } from './signup-form'
import { checkSignup, EMPTY_SIGNUP, MIN_PASSWORD, signupErrors } from './signup-form'

type SignupFormProps = { brand: Brand; onStarted: (started: SignupStarted, email: string) => void; onSignIn: () => void }

const today = () => new Date().toISOString().slice(0, 10)

/** Fan signup: account, date of birth and place (for the age rules there), and the consents; nothing is kept on refusal. */
export function SignupForm({ brand, onStarted, onSignIn }: SignupFormProps) {
  const [values, setValues] = useState<SignupValues>(EMPTY_SIGNUP)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof SignupValues>(key: K, value: SignupValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = checkSignup(values)
    setErrors(found)
    setFormError(Object.keys(found).length ? 'Please correct the marked fields.' : null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const email = values.email.trim()
      const started = await signup({
        brand: brand.slug, email, password: values.password, displayName: values.displayName.trim(),
        handle: values.handle.trim().toLowerCase(), dateOfBirth: values.dateOfBirth, country: values.country,
        ...(values.region ? { region: values.region } : {}), acceptTerms: true, acceptPrivacy: true, attestAdult: true,
      })
      onStarted(started, email)
    } catch (caught) {
      const { form, fields } = signupErrors(caught)
      setErrors(fields)
      setFormError(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={`Sign up to ${brand.name}`} data-testid="signup-form">
      <InputField label="Email" testId="signup-email" name="email" type="email" autoComplete="email" value={values.email}
        error={errors.email} onChange={(e) => set('email', e.target.value)} />
      <InputField label="Password" testId="signup-password" name="password" type="password" autoComplete="new-password" value={values.password}
        error={errors.password} hint={`At least ${MIN_PASSWORD} characters.`} onChange={(e) => set('password', e.target.value)} />
      <div className="field-row">
        <InputField label="Display name" testId="signup-display-name" name="displayName" autoComplete="nickname" value={values.displayName}
          error={errors.displayName} onChange={(e) => set('displayName', e.target.value)} />
        <InputField label="Handle" testId="signup-handle" name="handle" autoCapitalize="none" value={values.handle}
          error={errors.handle} hint={`@handle on ${brand.name}`} onChange={(e) => set('handle', e.target.value)} />
      </div>
      <InputField label="Date of birth" testId="signup-date-of-birth" name="dateOfBirth" type="date" autoComplete="bday" max={today()}
        value={values.dateOfBirth} error={errors.dateOfBirth} onChange={(e) => set('dateOfBirth', e.target.value)} />
      <CountryFields country={values.country} region={values.region} errors={errors}
        onChange={(next) => {
          setValues((v) => ({ ...v, ...next }))
          setErrors((e) => ({ ...e, country: undefined, region: undefined }))
        }} />
      {brand.policy.strictAgeGate && (
        <p className="form-note" data-testid="signup-strict-note">{brand.name} requires verified age: you will verify it with an ID after confirming your email.</p>
      )}
      <CheckField testId="signup-attest-adult" checked={values.attestAdult} error={errors.attestAdult} onChange={(c) => set('attestAdult', c)}
        label="I am at least 18 years old (or the age of majority where I live, if higher) and viewing adult content is legal for me." />
      <CheckField testId="signup-accept-terms" checked={values.acceptTerms} error={errors.acceptTerms} onChange={(c) => set('acceptTerms', c)}
        label="I accept the terms of service." />
      <CheckField testId="signup-accept-privacy" checked={values.acceptPrivacy} error={errors.acceptPrivacy} onChange={(c) => set('acceptPrivacy', c)}
        label="I accept the privacy policy." />
      {formError && <p className="form-error" role="alert" data-testid="signup-error">{formError}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="signup-submit">
        {busy ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="form-note">
        Already have a Fanz account?{' '}
        <button type="button" className="link-button" onClick={onSignIn} data-testid="signup-signin">Sign in</button>
      </p>
    </form>
  )
}
