/** The signed-in fan, kept in this origin's localStorage: bearer token and who it belongs to. */

export type Fan = { id: string; email: string; displayName: string }
export type FanSession = { token: string; fan: Fan }

const KEY = 'fanz.storefront.session'

export function loadFanSession(storage: Storage): FanSession | null {
  try {
    const raw = storage.getItem(KEY)
    return raw ? (JSON.parse(raw) as FanSession) : null
  } catch {
    // unreadable or blocked storage: the fan simply signs in again
    return null
  }
}

export function saveFanSession(storage: Storage, session: FanSession): void {
  try {
    storage.setItem(KEY, JSON.stringify(session))
  } catch {
    // not remembered across reloads; the session still works on this page
  }
}

export function clearFanSession(storage: Storage): void {
  try {
    storage.removeItem(KEY)
  } catch {
    // nothing stored that could be removed
  }
}
