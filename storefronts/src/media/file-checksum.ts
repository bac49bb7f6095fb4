/** The sha256 of a creator's file, read in slices so a multi-gigabyte video never sits in memory at once. */

const CHUNK_BYTES = 8 * 1024 * 1024

export class ChecksumCancelledError extends Error {
  override readonly name = 'ChecksumCancelledError'
}

/** Hex sha256 of the whole file; `onPercent` after every slice; throws ChecksumCancelledError once `isCancelled()`. */
export async function sha256OfFile(file: Blob, onPercent: (percent: number) => void, isCancelled: () => boolean): Promise<string> {
  // loaded on demand: the wasm hasher is only needed by creators uploading
  const { createSHA256 } = await import('hash-wasm')
  const hasher = await createSHA256()
  hasher.init()
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    if (isCancelled()) throw new ChecksumCancelledError('Checking the file was cancelled.')
    hasher.update(new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer()))
    onPercent(Math.floor((Math.min(file.size, offset + CHUNK_BYTES) / file.size) * 100))
  }
  return hasher.digest('hex')
}
