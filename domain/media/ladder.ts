/** Pure media decisions of ingest: which renditions a source gets, playlists, sample times, sprite layout, progress. */
import type { INGEST_ERRORS, IngestStage, RenditionProgress } from '../../workflows/ingest-media.contract.ts'

export type Rendition = { name: string; width: number; height: number; videoKbps: number; audioKbps: number }
export type SourceFacts = { durationSeconds: number; formatName: string; video: { codec: string; width: number; height: number } | null }
export type SourceProblem = { code: (typeof INGEST_ERRORS)[keyof typeof INGEST_ERRORS]; message: string }

/** The ladder by the short side (so portrait phone video gets the same rungs); bitrates are capped-CRF ceilings. */
export const RUNGS = [
  { short: 240, videoKbps: 400, audioKbps: 64 },
  { short: 360, videoKbps: 800, audioKbps: 96 },
  { short: 480, videoKbps: 1400, audioKbps: 128 },
  { short: 720, videoKbps: 2800, audioKbps: 128 },
  { short: 1080, videoKbps: 5000, audioKbps: 160 },
] as const
/** A source this close below a rung (e.g. 1920x1072) still gets that rung, at its own size. */
const RUNG_TOLERANCE = 0.9
export const MIN_SECONDS = 1
export const MAX_SECONDS = 4 * 3600
const CONTAINERS = ['mov', 'mp4', 'matroska', 'webm']
const VIDEO_CODECS = ['h264', 'hevc', 'vp8', 'vp9', 'av1', 'mpeg4', 'mpeg2video', 'mpeg1video', 'prores', 'mjpeg', 'dnxhd', 'h263', 'vc1', 'wmv3', 'theora']

const evenDown = (n: number) => Math.max(2, 2 * Math.floor(n / 2))
const evenNear = (n: number) => Math.max(2, 2 * Math.round(n / 2))
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits

/** Renditions for a source, smallest first: every rung up to the source's short side, never upscaling, at least one. */
export function chooseLadder(probe: { video: { width: number; height: number } | null }): Rendition[] {
  if (!probe.video) return []
  const { width, height } = probe.video
  const short = Math.min(width, height)
  const sized = (target: number) => target >= short
    ? { width: evenDown(width), height: evenDown(height) }
    : width >= height
      ? { width: Math.min(evenNear((target * width) / height), evenDown(width)), height: target }
      : { width: target, height: Math.min(evenNear((target * height) / width), evenDown(height)) }
  const fits = RUNGS.filter((r) => short >= r.short * RUNG_TOLERANCE)
  if (fits.length === 0) return [{ name: `${evenDown(short)}p`, ...sized(short), videoKbps: RUNGS[0].videoKbps, audioKbps: RUNGS[0].audioKbps }]
  return fits.map((r) => ({ name: `${r.short}p`, ...sized(r.short), videoKbps: r.videoKbps, audioKbps: r.audioKbps }))
}

/** Why a probed source cannot be published, in words a creator can act on; null when it can. */
export function sourceProblem(probe: SourceFacts): SourceProblem | null {
  const containers = probe.formatName.split(',')
  if (!containers.some((c) => CONTAINERS.includes(c))) return { code: 'UNREADABLE_MEDIA', message: unreadableMessage(`the ${probe.formatName} format is not supported`) }
  if (!probe.video) return { code: 'NO_VIDEO_STREAM', message: 'This file has no video track (it may be audio only). Upload a file with video.' }
  if (!VIDEO_CODECS.includes(probe.video.codec)) return { code: 'UNREADABLE_MEDIA', message: unreadableMessage(`the ${probe.video.codec} video codec is not supported`) }
  if (probe.video.width < 2 || probe.video.height < 2) return { code: 'UNREADABLE_MEDIA', message: unreadableMessage('the video has no picture size') }
  if (probe.durationSeconds < MIN_SECONDS) {
    return { code: 'TOO_SHORT', message: `The video is ${round(probe.durationSeconds, 2)} seconds long; it must be at least ${MIN_SECONDS} second.` }
  }
  if (probe.durationSeconds > MAX_SECONDS) {
    return { code: 'TOO_LONG', message: `The video is ${clock(probe.durationSeconds)} long; the limit is ${MAX_SECONDS / 3600} hours. Split it and upload the parts.` }
  }
  return null
}

const PLAIN_REASONS: [RegExp, string][] = [
  [/moov atom not found/i, 'the file is incomplete (it was cut off or not finished saving)'],
  [/Invalid data found/i, 'it is damaged or not a video file'],
]

/** The creator-facing sentence for a file ffprobe could not read (common ffprobe complaints put plainly). */
export function unreadableMessage(reason: string): string {
  const plain = PLAIN_REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? reason
  return `We could not read this file as video: ${plain}. Export it again as MP4 (H.264/AAC) and re-upload.`
}

/** RFC 6381 codecs of our H.264 High output at the level x264 chose, with AAC-LC when there is audio. */
export const codecsFor = (level: number, audio: boolean) =>
  `avc1.6400${Math.max(10, Math.min(62, level)).toString(16).padStart(2, '0')}${audio ? ',mp4a.40.2' : ''}`

export type Variant = { name: string; width: number; height: number; bandwidth: number; averageBandwidth?: number; codecs?: string }

/** The HLS master playlist over the renditions (lowest bandwidth first), each at `<name>/index.m3u8`. */
export function masterPlaylist(renditions: Variant[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS']
  for (const r of [...renditions].sort((a, b) => a.bandwidth - b.bandwidth)) {
    const average = r.averageBandwidth ? `,AVERAGE-BANDWIDTH=${Math.round(r.averageBandwidth)}` : ''
    const codecs = r.codecs ?? 'avc1.640028,mp4a.40.2'
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${Math.round(r.bandwidth)}${average},RESOLUTION=${r.width}x${r.height},CODECS="${codecs}"`, `${r.name}/index.m3u8`)
  }
  return `${lines.join('\n')}\n`
}

export type Segment = { file: string; seconds: number }

/** Segments of an HLS media playlist, in order. */
export function playlistSegments(text: string): Segment[] {
  const segments: Segment[] = []
  let seconds: number | null = null
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (line.startsWith('#EXTINF:')) seconds = Number.parseFloat(line.slice(8))
    else if (line && !line.startsWith('#') && seconds !== null) { segments.push({ file: line, seconds }); seconds = null }
  }
  return segments
}

/** HLS BANDWIDTH (the peak segment bitrate) and AVERAGE-BANDWIDTH, in bits per second. */
export function measureBandwidth(segments: (Segment & { bytes: number })[]): { bandwidth: number; averageBandwidth: number } {
  const rates = segments.filter((s) => s.seconds > 0).map((s) => (s.bytes * 8) / s.seconds)
  const bytes = segments.reduce((sum, s) => sum + s.bytes, 0)
  const seconds = segments.reduce((sum, s) => sum + s.seconds, 0)
  return { bandwidth: Math.ceil(Math.max(0, ...rates)), averageBandwidth: seconds > 0 ? Math.ceil((bytes * 8) / seconds) : 0 }
}

/** `count` instants spread evenly inside the clip (never at 0 or the end), to 0.1 s, without duplicates. */
export function sampleTimes(durationSeconds: number, count: number): number[] {
  if (!(durationSeconds > 0) || count < 1) return []
  const times = Array.from({ length: count }, (_, i) => round((durationSeconds * (i + 1)) / (count + 1), 1))
  const inside = [...new Set(times)].filter((t) => t > 0 && t < durationSeconds)
  return inside.length > 0 ? inside : [round(durationSeconds / 2, 3)]
}

export type SpriteLayout = {
  durationSeconds: number; intervalSeconds: number; count: number; columns: number; rows: number; tileWidth: number; tileHeight: number
}
const SPRITE_INTERVALS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 300]
const MAX_TILES = 100
const TILE_LONG_SIDE = 160

/** Scrub-preview sprite: one tile per interval (at most 100 tiles), 10 per row, 160 px on the long side. */
export function spriteLayout(durationSeconds: number, source: { width: number; height: number } = { width: 16, height: 9 }): SpriteLayout {
  const d = Math.max(durationSeconds, 0.1)
  const intervalSeconds = SPRITE_INTERVALS.find((i) => Math.ceil(d / i) <= MAX_TILES) ?? Math.ceil(d / MAX_TILES)
  const count = Math.ceil(d / intervalSeconds)
  const columns = Math.min(10, count)
  const landscape = source.width >= source.height
  const tileWidth = landscape ? TILE_LONG_SIDE : evenNear((TILE_LONG_SIDE * source.width) / source.height)
  const tileHeight = landscape ? evenNear((TILE_LONG_SIDE * source.height) / source.width) : TILE_LONG_SIDE
  return { durationSeconds: d, intervalSeconds, count, columns, rows: Math.ceil(count / columns), tileWidth, tileHeight }
}

/** WebVTT thumbnails track: one cue per tile pointing into the sprite with a `#xywh=` media fragment. */
export function spriteVtt(layout: SpriteLayout, spriteUrl: string): string {
  const cues = Array.from({ length: layout.count }, (_, i) => {
    const start = i * layout.intervalSeconds
    const end = Math.min((i + 1) * layout.intervalSeconds, layout.durationSeconds)
    const x = (i % layout.columns) * layout.tileWidth
    const y = Math.floor(i / layout.columns) * layout.tileHeight
    return `${vttTime(start)} --> ${vttTime(end)}\n${spriteUrl}#xywh=${x},${y},${layout.tileWidth},${layout.tileHeight}`
  })
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

/** The teaser clip: 6 s from about a third in, or the whole clip when it is shorter. */
export function previewWindow(durationSeconds: number): { start: number; seconds: number } {
  const seconds = 6
  if (durationSeconds <= seconds) return { start: 0, seconds: round(Math.max(durationSeconds, 0), 3) }
  return { start: round(Math.min(durationSeconds / 3, durationSeconds - seconds), 1), seconds }
}

const STAGE_SPAN: Partial<Record<IngestStage, [number, number]>> = {
  verifying: [0, 5], probing: [5, 8], transcoding: [8, 88], artwork: [88, 94], moderating: [94, 99],
}

/** 0-100 over the pipeline up to review; transcoding weighs renditions by pixels (1080p costs far more than 240p). */
export function overallPercent(stage: IngestStage, renditions: RenditionProgress[]): number {
  const span = STAGE_SPAN[stage]
  if (!span) return 100
  const [from, to] = span
  if (stage !== 'transcoding' || renditions.length === 0) return from
  const weight = (r: RenditionProgress) => r.height * r.height
  const total = renditions.reduce((sum, r) => sum + weight(r), 0)
  const done = renditions.reduce((sum, r) => sum + weight(r) * (r.state === 'done' ? 100 : Math.min(100, Math.max(0, r.percent))), 0) / 100
  return Math.round(from + ((to - from) * done) / total)
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
}

function clock(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
