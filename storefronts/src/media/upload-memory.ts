/** Unfinished uploads, remembered in this browser so picking the same file again after a reload resumes it. */
import type { FileIdentity } from '../../../domain/media/upload-plan.ts'
import { isSameFile } from '../../../domain/media/upload-plan.ts'

export type RememberedUpload = FileIdentity & { mediaId: string; sha256: string; brand: string; title: string; startedAt: string }

const KEY = 'fanz.storefront.media-uploads'
const MAX_REMEMBERED = 20

function load(storage: Storage): RememberedUpload[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? (parsed as RememberedUpload[]) : []
  } catch {
    // unreadable storage: nothing to resume, uploads still work
    return []
  }
}

function save(storage: Storage, entries: RememberedUpload[]): void {
  try {
    storage.setItem(KEY, JSON.stringify(entries.slice(-MAX_REMEMBERED)))
  } catch {
    // full or blocked storage: this upload just cannot be resumed after a reload
  }
}

export const fileIdentity = (file: File): FileIdentity => ({ fileName: file.name, size: file.size, lastModified: file.lastModified })

/** The unfinished upload of this brand started with this very file, if any. */
export const findRemembered = (storage: Storage, brand: string, file: File) =>
  load(storage).find((e) => e.brand === brand && isSameFile(e, fileIdentity(file))) ?? null

export function rememberUpload(storage: Storage, entry: RememberedUpload): void {
  save(storage, [...load(storage).filter((e) => e.mediaId !== entry.mediaId), entry])
}

export function forgetUpload(storage: Storage, mediaId: string): void {
  save(storage, load(storage).filter((e) => e.mediaId !== mediaId))
}
