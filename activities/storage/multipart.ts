/** The parts of an open multipart upload, for resuming one (minio-js keeps listParts protected; it is the S3 ListParts call). */
import type { StorageClient } from './client.ts'

export type UploadedPart = { partNumber: number; etag: string; size: number }

export async function listUploadedParts(storage: StorageClient, bucket: string, key: string, uploadId: string): Promise<UploadedPart[]> {
  const client = storage as unknown as { listParts(b: string, k: string, u: string): Promise<{ part: number; etag: string; size: number }[]> }
  const parts = await client.listParts(bucket, key, uploadId)
  return parts.map((p) => ({ partNumber: p.part, etag: p.etag.replaceAll('"', ''), size: Number(p.size) }))
}
