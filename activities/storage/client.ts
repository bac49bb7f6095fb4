/** Builds the S3 (MinIO) client from an endpoint URL and keys. */
import * as Minio from 'minio'

export type StorageClient = Minio.Client
export type StorageConfig = { endpoint: string; accessKey: string; secretKey: string; region: string }

export function createStorageClient(cfg: StorageConfig): StorageClient {
  const url = new URL(cfg.endpoint)
  return new Minio.Client({
    endPoint: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    useSSL: url.protocol === 'https:', accessKey: cfg.accessKey, secretKey: cfg.secretKey, region: cfg.region,
  })
}
