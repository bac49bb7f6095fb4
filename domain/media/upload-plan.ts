/** How the creator studio splits, resumes and times a multipart upload, and reads its form. Pure. */
import { ACCEPTED_TYPES, isAcceptedType, partCountFor } from './upload-policy.ts'

/** Parts in flight at once: enough to fill a home uplink, few enough that one slow part does not starve the rest. */
export const UPLOAD_CONCURRENCY = 3
/** The first try and three retries. */
export const MAX_PART_ATTEMPTS = 4
export const RETRY_BASE_MS = 1_000

export type PartSlice = { partNumber: number; start: number; end: number }

/** Byte range [start, end) of one 1-based part; the last part takes the remainder. */
export function partBounds(partNumber: number, partSize: number, sizeBytes: number): PartSlice {
  const start = Math.min((partNumber - 1) * partSize, sizeBytes)
  return { partNumber, start, end: Math.min(start + partSize, sizeBytes) }
}

/** Every part of a file, in order. */
export function slicePlan(sizeBytes: number, partSize: number): PartSlice[] {
  return Array.from({ length: partCountFor(sizeBytes, partSize) }, (_, i) => partBounds(i + 1, partSize, sizeBytes))
}

export type StoredPart = { partNumber: number; etag: string; size: number }
export type SentPart = { partNumber: number; etag: string }
export type ResumePlan = { done: SentPart[]; missing: number[]; doneBytes: number }

/**
 * What is left of an upload given the parts storage already holds. A stored part whose size is not the size
 * that part must have (an interrupted or foreign write) is sent again rather than trusted.
 */
export function resumePlan(sizeBytes: number, partSize: number, stored: readonly StoredPart[]): ResumePlan {
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]))
  const plan: ResumePlan = { done: [], missing: [], doneBytes: 0 }
  for (const slice of slicePlan(sizeBytes, partSize)) {
    const part = byNumber.get(slice.partNumber)
    if (part && part.etag && part.size === slice.end - slice.start) {
      plan.done.push({ partNumber: part.partNumber, etag: part.etag })
      plan.doneBytes += part.size
    } else {
      plan.missing.push(slice.partNumber)
    }
  }
  return plan
}

/** The part list for completing the upload: one entry per part number (the later one wins), ascending. */
export function mergeParts(...lists: readonly (readonly SentPart[])[]): SentPart[] {
  const byNumber = new Map<number, SentPart>()
  for (const part of lists.flat()) byNumber.set(part.partNumber, part)
  return [...byNumber.values()].sort((a, b) => a.partNumber - b.partNumber)
}

/** Wait before retry `attempt` (1-based) of a failed part: 1 s, 2 s, 4 s. */
export const retryDelayMs = (attempt: number) => RETRY_BASE_MS * 2 ** (Math.max(1, attempt) - 1)

export type RateSample = { atMs: number; bytes: number }
export const RATE_WINDOW_MS = 5_000

/** Keeps the samples of the last `windowMs` (and at least the newest two) for a moving transfer rate. */
export function addSample(samples: readonly RateSample[], sample: RateSample, windowMs = RATE_WINDOW_MS): RateSample[] {
  const next = [...samples, sample]
  const from = next.findIndex((s) => sample.atMs - s.atMs <= windowMs)
  return next.slice(Math.min(from, next.length - 2))
}

/** Bytes per second over the samples; null until they span half a second (a single burst says nothing). */
export function bytesPerSecond(samples: readonly RateSample[]): number | null {
  const first = samples[0]
  const last = samples.at(-1)
  if (!first || !last || last.atMs - first.atMs < 500) return null
  return Math.max(0, (last.bytes - first.bytes) / ((last.atMs - first.atMs) / 1000))
}

/** Seconds until `remainingBytes` are sent at `rate`; null when the rate is unknown or nothing moves. */
export function secondsLeft(remainingBytes: number, rate: number | null): number | null {
  if (remainingBytes <= 0) return 0
  if (!rate || rate <= 0) return null
  return Math.ceil(remainingBytes / rate)
}

/** 42 -> '42 s', 200 -> '3 min 20 s', 7500 -> '2 h 5 min'. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`
  const minutes = Math.floor((s % 3600) / 60)
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`
}

/** Whole percent done, 0-100; an empty total counts as done. */
export const progressPercent = (done: number, total: number) =>
  total <= 0 ? 100 : Math.min(100, Math.max(0, Math.floor((done / total) * 100)))

// browsers leave the type empty for containers the OS does not know, and name .m4v 'video/x-m4v'
const UNKNOWN_TO_BROWSER: readonly string[] = ['', 'application/octet-stream', 'video/x-m4v']

/** The content type to announce: the browser's when it is one we accept, else the one the extension names. */
export function contentTypeFor(fileName: string, browserType: string): string {
  if (isAcceptedType(browserType) || !UNKNOWN_TO_BROWSER.includes(browserType)) return browserType
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? ''
  const named = Object.entries(ACCEPTED_TYPES).find(([, exts]) => (exts as readonly string[]).includes(ext))
  return named ? named[0] : browserType
}

/** 'Solo, outdoor ,, solo' -> ['Solo', 'outdoor']: trimmed, empty ones dropped, repeats (any case) once. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>()
  return text.split(',').map((t) => t.trim()).filter((t) => {
    const key = t.toLowerCase()
    if (!t || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export type FileIdentity = { fileName: string; size: number; lastModified: number }

/** Whether a picked file is the one an unfinished upload was started with (same name, size and modification time). */
export const isSameFile = (a: FileIdentity, b: FileIdentity) =>
  a.fileName === b.fileName && a.size === b.size && a.lastModified === b.lastModified
