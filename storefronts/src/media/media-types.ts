/** Shapes of the media API as the storefront sees them (see the media pipeline contract). */
import type { MediaStatus } from '../../../domain/media/review.ts'
import type { IngestProgress } from '../../../workflows/ingest-media.contract.ts'

export type { IngestProgress, MediaStatus }
export type Access = 'ppv' | 'subscribers'

export type Performer = { id: string; alias: string; role: 'uploader' | 'co-performer'; status: 'PENDING' | 'INVITED' | 'VERIFIED'; verifiedAt: string | null }

/** GET /api/media/:id (the detail fields only for the owner and staff). */
export type MediaView = {
  id: string; brand: string; creatorId: string; creatorName: string; postId: string
  title: string; caption: string; tags: string[]; access: Access; priceMinor: number | null; currency: string | null
  fileName: string; contentType: string; sizeBytes: number; status: MediaStatus
  failureCode: string | null; failureReason: string | null
  probe: { durationSeconds: number } | null
  thumbnailUrl: string | null
  decision: string | null; decisionReason: string | null; appealDeadline: string | null; appealed?: boolean
  publishedAt: string | null; createdAt: string; updatedAt: string
  progress?: IngestProgress | null
  performers?: Performer[]
}

export type PerformerInvite = { alias: string; email: string }

/** POST /api/media/uploads body. */
export type CreateUploadRequest = {
  brand: string; title: string; caption?: string; tags?: string[]; access: Access; priceMinor?: number; currency?: string
  fileName: string; contentType: string; sizeBytes: number; sha256: string; performers?: PerformerInvite[]
}
export type PartTarget = { partNumber: number; url: string }
export type CreatedUpload = { id: string; partSize: number; partCount: number; parts: PartTarget[]; expiresAt: string }
export type UploadParts = { partSize: number; partCount: number; uploaded: { partNumber: number; etag: string; size: number }[]; parts: PartTarget[] }

export type Offer = { kind: 'ppv'; postId: string; priceMinor: number; currency: string } | { kind: 'subscribe'; creatorId: string }
export type Playback = { playlistUrl: string; expiresAt: string; posterUrl: string | null }

export type SearchHit = {
  id: string; postId: string; title: string; caption: string; tags: string[]; creatorId: string; creatorName: string; brand: string
  access: Access; priceMinor: number | null; currency: string | null; thumbnailUrl: string | null; durationSeconds: number | null
  publishedAt: string | null; highlight?: string
}
export type SearchResult = { total: number; hits: SearchHit[] }
