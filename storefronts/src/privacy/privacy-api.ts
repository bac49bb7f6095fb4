/** The storefront's slice of the DSR API: the signed-in fan's own privacy requests, their codes, archives and receipts. */
import { apiFetch, downloadWithToken } from '../api'
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
export const downloadArchive = (id: string, token: string) => downloadWithToken(`${BASE}/${q(id)}/archive`, token, archiveFileName(id))
