/** Media test helpers: real clips rendered by ffmpeg, and the creator's upload as the studio does it (presigned parts to MinIO). */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { renderTestClip } from '../../activities/media/ffmpeg.ts'
import { api, until } from './stack.ts'

const FFMPEG = { ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' }

/** A short real video (test pattern and tone), as bytes with their sha256. */
export async function makeClip(options: { seconds?: number; width?: number; height?: number } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'fanz-clip-'))
  const file = path.join(dir, 'clip.mp4')
  await renderTestClip(FFMPEG, file, { seconds: options.seconds ?? 2, width: options.width ?? 320, height: options.height ?? 240, audio: true })
  const bytes = await readFile(file)
  return { bytes, sha256: sha256(bytes) }
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

export type Announce = { brand: string; title: string; access?: 'ppv' | 'subscribers'; priceMinor?: number; currency?: string; caption?: string
  tags?: string[]; performers?: { alias: string; email: string }[]; fileName?: string; contentType?: string; sizeBytes?: number; sha256?: string }

/** Announces an upload for `bytes` (fields overridable to test refusals). */
export function announce(token: string, bytes: Uint8Array, a: Announce) {
  return api('/api/media/uploads', { method: 'POST', token, body: { access: 'ppv', priceMinor: 499, currency: 'USD', fileName: 'clip.mp4',
    contentType: 'video/mp4', sizeBytes: bytes.length, sha256: sha256(bytes), ...a } })
}

/** PUTs one slice to its presigned URL, as the browser does; returns the ETag MinIO answers with. */
export async function putPart(url: string, slice: Uint8Array): Promise<string> {
  const res = await fetch(url, { method: 'PUT', body: Buffer.from(slice) })
  assert.equal(res.status, 200, await res.text())
  const etag = res.headers.get('etag')
  assert.ok(etag, 'MinIO returns an ETag for each part')
  return etag.replaceAll('"', '')
}

/** The whole studio upload: announce, every part, complete; returns the item id once the ingest has it. */
export async function upload(token: string, bytes: Uint8Array, a: Announce): Promise<string> {
  const started = await announce(token, bytes, a)
  assert.equal(started.status, 201, JSON.stringify(started.body))
  const { id, partSize, parts } = started.body as { id: string; partSize: number; parts: { partNumber: number; url: string }[] }
  const etags = []
  for (const p of parts) etags.push({ partNumber: p.partNumber, etag: await putPart(p.url, bytes.subarray((p.partNumber - 1) * partSize, p.partNumber * partSize)) })
  const done = await api(`/api/media/uploads/${id}/complete`, { method: 'POST', token, body: { parts: etags } })
  assert.equal(done.status, 202, JSON.stringify(done.body))
  return id
}

/** Waits until the item reaches one of `statuses` (as its owner or staff sees it). */
export const untilStatus = (token: string, id: string, statuses: string[], tries = 480) =>
  until(() => api(`/api/media/${id}`, { token }), (r) => statuses.includes(r.body?.status), `media ${id} to reach ${statuses.join('/')}`, tries)
