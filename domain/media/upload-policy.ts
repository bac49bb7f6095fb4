/** What a creator may upload and how the browser splits it: types, limits, multipart part size. */

/** Video containers the pipeline transcodes; anything else is refused before a byte is stored. */
export const ACCEPTED_TYPES = {
  'video/mp4': ['.mp4', '.m4v'],
  'video/quicktime': ['.mov'],
  'video/webm': ['.webm'],
  'video/x-matroska': ['.mkv'],
} as const
export type AcceptedType = keyof typeof ACCEPTED_TYPES
export const isAcceptedType = (t: string): t is AcceptedType => Object.hasOwn(ACCEPTED_TYPES, t)

/** S3 multipart: every part but the last must be at least 5 MiB, and there may be at most 10,000 parts. */
export const MIN_PART_BYTES = 5 * 1024 * 1024
export const MAX_PARTS = 10_000
export const DEFAULT_PART_BYTES = 8 * 1024 * 1024

/** Part size for a file: the default, grown (in whole MiB) when the file would need more than MAX_PARTS parts. */
export function partSizeFor(sizeBytes: number): number {
  const needed = Math.ceil(sizeBytes / MAX_PARTS)
  return needed <= DEFAULT_PART_BYTES ? DEFAULT_PART_BYTES : Math.ceil(needed / (1024 * 1024)) * 1024 * 1024
}

export const partCountFor = (sizeBytes: number, partSize: number) => Math.max(1, Math.ceil(sizeBytes / partSize))

export type UploadProblem = { code: 'UNSUPPORTED_TYPE' | 'FILE_TOO_LARGE' | 'EMPTY_FILE' | 'EXTENSION_MISMATCH'; message: string }

/** Why an announced upload is refused, or null: the type must be a video we transcode, the size within the limit. */
export function uploadProblem(file: { fileName: string; contentType: string; sizeBytes: number }, maxBytes: number): UploadProblem | null {
  if (!isAcceptedType(file.contentType)) {
    return { code: 'UNSUPPORTED_TYPE', message: `${file.contentType} is not a video we accept: upload ${Object.keys(ACCEPTED_TYPES).join(', ')}.` }
  }
  const ext = file.fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? ''
  if (!(ACCEPTED_TYPES[file.contentType] as readonly string[]).includes(ext)) {
    return { code: 'EXTENSION_MISMATCH', message: `${file.fileName} does not look like ${file.contentType} (expected ${ACCEPTED_TYPES[file.contentType].join(' or ')}).` }
  }
  if (file.sizeBytes <= 0) return { code: 'EMPTY_FILE', message: 'The file is empty.' }
  if (file.sizeBytes > maxBytes) {
    return { code: 'FILE_TOO_LARGE', message: `The file is ${formatBytes(file.sizeBytes)}; the limit is ${formatBytes(maxBytes)}.` }
  }
  return null
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let i = 0
  let v = n
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++ }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`
}
