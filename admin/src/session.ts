/** The signed-in session kept in localStorage: bearer token and the person it belongs to. */

export type RoleGrant = { role: string; brandSlug: string | null }
export type Person = { id: string; email: string; displayName: string; roles: RoleGrant[] }

const TOKEN_KEY = 'fanz.admin.token'
const PERSON_KEY = 'fanz.admin.person'

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  person(): Person | null {
    const raw = localStorage.getItem(PERSON_KEY)
    if (!raw) return null
    try {
      return JSON.parse(raw) as Person
    } catch {
      return null
    }
  },
  save(token: string, person: Person): void {
    localStorage.setItem(TOKEN_KEY, token)
    localStorage.setItem(PERSON_KEY, JSON.stringify(person))
  },
  savePerson(person: Person): void {
    localStorage.setItem(PERSON_KEY, JSON.stringify(person))
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY)
    localStorage.removeItem(PERSON_KEY)
  },
}

/** Finance screens (purchases, ledger, trial balance) are for finance staff and admins. */
export const hasFinanceAccess = (roles: RoleGrant[] | undefined): boolean =>
  (roles ?? []).some((grant) => grant.role === 'finance' || grant.role === 'admin')
