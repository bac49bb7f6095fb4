/** The worker's local copy of an uploaded source, downloaded once and shared by the activities of one ingest. */
import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { BUCKETS } from '../../domain/storage.ts'
import type { StorageClient } from '../storage/client.ts'

const dirFor = (key: string, workDir: string) => path.join(workDir, createHash('sha256').update(key).digest('hex').slice(0, 32))

/** Path of the local copy of uploads/`key`; downloads it (temp file, then rename) unless a copy of the right size is there. */
export async function localSource(storage: StorageClient, key: string, workDir: string): Promise<string> {
  const dir = dirFor(key, workDir)
  const ext = path.extname(key).toLowerCase()
  const file = path.join(dir, `source${/^\.[a-z0-9]{1,5}$/.test(ext) ? ext : ''}`)
  const { size } = await storage.statObject(BUCKETS.uploads.name, key)
  const local = await stat(file).catch(() => null)
  if (local?.size === size) return file
  await mkdir(dir, { recursive: true })
  // concurrent activities of the same ingest may download at once: each into its own temp file, the rename is atomic
  const temp = path.join(dir, `.${randomUUID()}.part`)
  try {
    await pipeline(await storage.getObject(BUCKETS.uploads.name, key), createWriteStream(temp))
    await rename(temp, file)
  } finally {
    await rm(temp, { force: true })
  }
  return file
}

/** Forgets the local copy (idempotent). */
export async function removeLocal(key: string, workDir: string): Promise<void> {
  await rm(dirFor(key, workDir), { recursive: true, force: true })
}
