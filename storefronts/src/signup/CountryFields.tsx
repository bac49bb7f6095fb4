import { useMemo } from 'react'
import { COUNTRIES, REGIONS } from '../../../domain/identity/jurisdictions.ts'
import { SelectField } from './Fields'

type CountryFieldsProps = {
  country: string; region: string; onChange: (next: { country: string; region: string }) => void
  errors: { country?: string; region?: string }
}

/** Every country the platform serves, by its name in the browser's language (A–Z). */
export function countryOptions(): { code: string; name: string }[] {
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' }) : null
  return [...COUNTRIES].map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name))
}

/** Where the person lives: it decides the minimum age and whether the age must be verified with an ID. */
export function CountryFields({ country, region, onChange, errors }: CountryFieldsProps) {
  const countries = useMemo(countryOptions, [])
  const regions = REGIONS[country] ? [...REGIONS[country]].sort() : []
  return (
    <div className="field-row">
      <SelectField label="Country you live in" testId="signup-country" name="country" value={country} error={errors.country}
        onChange={(e) => onChange({ country: e.target.value, region: '' })}>
        <option value="">Choose…</option>
        {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
      </SelectField>
      {regions.length > 0 && (
        <SelectField label="State / region" testId="signup-region" name="region" value={region} error={errors.region}
          hint="Age rules differ by region. Without one, the strictest rules of the country apply."
          onChange={(e) => onChange({ country, region: e.target.value })}>
          <option value="">Not listed</option>
          {regions.map((code) => <option key={code} value={code}>{code.slice(country.length + 1)}</option>)}
        </SelectField>
      )}
    </div>
  )
}
