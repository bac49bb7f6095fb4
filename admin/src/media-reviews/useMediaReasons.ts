import { useEffect, useState } from 'react'
import { NOTE_REQUIRED, REASON_CODES, REASONS_FOR } from '../../../domain/media/review.ts'
import { httpClient } from '../http-client'
import type { MediaReasons, Reason } from './types'

const fromDomain = (codes: readonly (keyof typeof REASON_CODES)[]): Reason[] => codes.map((code) => ({ code, label: REASON_CODES[code] }))

// what the domain says until the API answers (the API serves the same table, possibly narrowed per deployment)
const DOMAIN_REASONS: MediaReasons = {
  approve: fromDomain(REASONS_FOR.approve),
  reject: fromDomain(REASONS_FOR.reject),
  escalate: fromDomain(REASONS_FOR.escalate),
  takedown: fromDomain(REASONS_FOR.takedown),
  noteRequired: [...NOTE_REQUIRED],
}

let pending: Promise<MediaReasons> | null = null

// fetched once per page load and shared by every dialog; a failure is retried on the next use
function loadReasons(): Promise<MediaReasons> {
  pending ??= httpClient('/api/media-reasons').then(
    ({ json }) => json as MediaReasons,
    (error: unknown) => {
      pending = null
      throw error
    },
  )
  return pending
}

/** GET /api/media-reasons: reason codes per action, and which need a note. */
export function useMediaReasons(): MediaReasons {
  const [reasons, setReasons] = useState<MediaReasons>(DOMAIN_REASONS)
  useEffect(() => {
    let active = true
    loadReasons().then(
      (loaded) => active && setReasons(loaded),
      () => undefined,
    )
    return () => {
      active = false
    }
  }, [])
  return reasons
}

/** A reason code as people read it ('Within policy'), the code itself when unknown. */
export function reasonLabel(code: string | null | undefined): string {
  if (!code) return '—'
  return Object.hasOwn(REASON_CODES, code) ? REASON_CODES[code as keyof typeof REASON_CODES] : code
}
