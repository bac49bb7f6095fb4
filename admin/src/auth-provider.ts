import type { AuthProvider } from 'react-admin'
import { HttpError } from 'react-admin'
import { httpClient } from './http-client'
import type { Person } from './session'
import { session } from './session'

type LoginParams = { email: string; password: string }

// A stored token is checked with the server once per page load (it may have expired meanwhile),
// not on every navigation.
let verified: { token: string; check: Promise<void> } | null = null

function verifyOnce(token: string): Promise<void> {
  if (verified?.token !== token) {
    const check = httpClient('/api/auth/me').then(
      ({ json }) => session.savePerson((json as { person: Person }).person),
      (error: unknown) => {
        verified = null
        // only a 401 ends the session; an unreachable API should not log people out
        if (error instanceof HttpError && error.status === 401) {
          session.clear()
          throw error
        }
      },
    )
    verified = { token, check }
  }
  return verified.check
}

/** Bearer-token auth against /api/auth; roles (with their brand scope) are the permissions. */
export const authProvider: AuthProvider = {
  async login({ email, password }: LoginParams) {
    const { json } = await httpClient('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    })
    const { token, person } = json as { token: string; person: Person }
    session.save(token, person)
    verified = { token, check: Promise.resolve() }
  },

  async logout() {
    if (session.token()) {
      // the server-side session may already be gone; signing out locally is what matters
      await httpClient('/api/auth/logout', { method: 'POST' }).catch(() => undefined)
    }
    session.clear()
    verified = null
  },

  async checkAuth() {
    const token = session.token()
    if (!token) throw new Error('Please sign in')
    await verifyOnce(token)
  },

  async checkError(error: unknown) {
    if (error instanceof HttpError && error.status === 401) {
      session.clear()
      throw error
    }
  },

  async getIdentity() {
    const person = session.person()
    if (!person) throw new Error('Not signed in')
    return { id: person.id, fullName: person.displayName || person.email, email: person.email }
  },

  async getPermissions() {
    return session.person()?.roles ?? []
  },
}
