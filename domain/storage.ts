/** Object-storage buckets the platform uses; created by the local stack and by production provisioning. */
export const BUCKETS = {
  uploads: { name: 'fanz-uploads', purpose: 'raw creator uploads (presigned multipart)', objectLock: false },
  media: { name: 'fanz-media', purpose: 'HLS renditions, thumbnails, previews', objectLock: false },
  records: { name: 'fanz-records', purpose: '2257 ID copies and releases, encrypted, under retention', objectLock: true },
  exports: { name: 'fanz-exports', purpose: 'DSR access archives and finance exports', objectLock: false },
  nft: { name: 'fanz-nft', purpose: 'content-addressed NFT metadata', objectLock: false },
  ops: { name: 'fanz-ops', purpose: 'platform self-checks', objectLock: false },
} as const
export type BucketKey = keyof typeof BUCKETS
