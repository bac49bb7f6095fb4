import { useState } from 'react'
import { HttpError, useLogoutIfAccessDenied, useNotify } from 'react-admin'
import { errorMessage } from '../http-client'
import { session } from '../session'

type ErrorBody = { error?: { message?: string } }

// RFC 6266: filename*=UTF-8''... wins over filename="..."
function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1]
  if (extended) return decodeURIComponent(extended)
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback
}

/** Downloads a file the API only serves with the bearer token, under the name the API gives it. */
async function downloadWithToken(url: string, fallbackName: string): Promise<string> {
  const token = session.token()
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null
    throw new HttpError(body?.error?.message ?? `Download failed (HTTP ${response.status})`, response.status, body)
  }
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName)
  const objectUrl = URL.createObjectURL(await response.blob())
  const anchor = document.createElement('a')
  anchor.href = objectUrl
  anchor.download = name
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // the click has handed the blob to the browser's download; give it a moment before freeing it
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
  return name
}

/**
 * downloadWithToken for a button: busy while it runs, a refused download as a notification (or a logout when the session
 * is gone), and with `announce` the downloaded file's name too.
 */
export function useTokenDownload({ announce = true }: { announce?: boolean } = {}) {
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const download = async (url: string, fallbackName: string) => {
    setBusy(true)
    try {
      const name = await downloadWithToken(url, fallbackName)
      if (announce) notify(`Downloaded ${name}`, { type: 'success' })
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    } finally {
      setBusy(false)
    }
  }
  return { busy, download }
}
