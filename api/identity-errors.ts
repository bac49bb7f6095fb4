/** Maps the identity rules' coded errors (domain/identity) onto the API's error kinds. */
import { IdentityError } from '../domain/identity/errors.ts'
import { DomainError, type ErrorKind } from './errors.ts'

const KINDS: Partial<Record<string, ErrorKind>> = {
  UNKNOWN_COUNTRY: 'unknownCountry', UNKNOWN_REGION: 'unknownRegion', MALFORMED_DATE_OF_BIRTH: 'malformedDateOfBirth',
  IMPLAUSIBLE_DATE_OF_BIRTH: 'implausibleDateOfBirth', UNDERAGE: 'underage', INVALID_DATE: 'validation',
}

/** Runs a rule; an IdentityError becomes the matching 4xx DomainError. */
export function identityError<T>(rule: () => T): T {
  try {
    return rule()
  } catch (err) {
    if (err instanceof IdentityError) throw new DomainError(KINDS[err.code] ?? 'validation', err.message)
    throw err
  }
}
