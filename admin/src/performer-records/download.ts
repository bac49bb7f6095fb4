import { HttpError } from 'react-admin'
import { session } from '../session'

type ErrorBody = { error?: { message?: string } }

// RFC 6266: filename*=UTF-8''... wins over filename="..."
function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1]
  if (extended) return decodeURIComponent(extended)
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback
}

/** Downloads a file the API only serves with the bearer token, under the name the API gives it. */
export async function downloadWithToken(url: string, fallbackName: string): Promise<string> {
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
