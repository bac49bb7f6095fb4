/** The storefront's slice of the DSR API: the signed-in fan's own privacy requests, their codes, archives and receipts. */
import { ApiError, apiFetch } from '../api'
import type { NewPrivacyRequest, PrivacyRequest, SignedReceipt } from './types'

const q = encodeURIComponent
const BASE = '/api/me/privacy-requests'

export const privacyApi = {
  /** 202: verified at once by a recent sign-in (access, rectification), or waiting for the mailed code (always for erasure). */
  create: (input: NewPrivacyRequest, token: string) => apiFetch<PrivacyRequest>(BASE, { method: 'POST', body: input, token }),
  /** Newest first. */
  list: (token: string) => apiFetch<{ items: PrivacyRequest[] }>(BASE, { token }).then((body) => body.items),
  verify: (id: string, code: string, token: string) =>
    apiFetch<PrivacyRequest>(`${BASE}/${q(id)}/verification`, { method: 'POST', body: { code }, token }),
  /** Mails a new code; the answer names the (masked) address it went to. */
  sendCode: (id: string, token: string) => apiFetch<{ sentTo: string }>(`${BASE}/${q(id)}/code`, { method: 'POST', body: {}, token }),
  receipt: (id: string, token: string) => apiFetch<SignedReceipt>(`${BASE}/${q(id)}/receipt`, { token }),
}

/** The archive's file name on the fan's disk. */
export const archiveFileName = (id: string) => `fanz-data-${id}.zip`

/** Fetches the data archive with the token (a plain link cannot carry it) and hands it to the browser as a download. */
export async function downloadArchive(id: string, token: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`${BASE}/${q(id)}/archive`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach Fanz. Check your connection and try again.')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    throw new ApiError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? `Download failed (${response.status})`)
  }
  const url = URL.createObjectURL(await response.blob())
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = archiveFileName(id)
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // the click has handed the blob to the browser's download; give it a moment before freeing it
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
