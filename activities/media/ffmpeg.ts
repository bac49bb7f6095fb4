/**
 * The one module that runs ffmpeg and ffprobe. fluent-ffmpeg (archived upstream in 2025) drives ffmpeg runs and stays
 * behind these functions; ffprobe is called directly for its JSON output.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ffmpeg from 'fluent-ffmpeg'
import { codecsFor, playlistSegments, type Rendition, type Segment, type SpriteLayout } from '../../domain/media/ladder.ts'

export type FfmpegPaths = { ffmpegPath: string; ffprobePath: string }
/** Stream facts; video width/height are as displayed (rotation already applied), as ffmpeg's output will be. */
export type ProbeSummary = {
  durationSeconds: number; sizeBytes: number; bitRate: number | null; formatName: string
  video: { codec: string; width: number; height: number; fps: number; rotation: number; level: number | null } | null
  audio: { codec: string; channels: number; sampleRate: number } | null
}
export type TestClipOptions = { seconds?: number; width?: number; height?: number; audio?: boolean; rate?: number }
export type RunOptions = { onProgress?: (percent: number) => void; signal?: AbortSignal }
export type HlsOutput = { playlist: string; segments: (Segment & { bytes: number })[]; width: number; height: number; codecs: string }
export type SampledFrame = { atSeconds: number; jpeg: Buffer; gray32: Uint8Array }

/** ffprobe could not read the input as media; `reason` is ffprobe's own short explanation. */
export class MediaReadError extends Error {
  constructor(readonly reason: string) { super(`ffprobe: ${reason}`) }
}

/** Renders a short synthetic clip (test pattern, optionally with a tone) to `output`, for self-checks and tests. */
export function renderTestClip(paths: FfmpegPaths, output: string, options: number | TestClipOptions = 1): Promise<void> {
  const { seconds = 1, width = 320, height = 240, audio = true, rate = 25 } = typeof options === 'number' ? { seconds: options } : options
  const cmd = command(paths).input(`testsrc=size=${width}x${height}:rate=${rate}:duration=${seconds}`).inputFormat('lavfi')
  if (audio) cmd.input(`sine=frequency=440:duration=${seconds}`).inputFormat('lavfi')
  return run(cmd.output(output).outputOptions(['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ...(audio ? ['-c:a', 'aac', '-shortest'] : [])]))
}

/** Reads container and stream facts with ffprobe; rejects with MediaReadError when the file is not readable media. */
export async function probeMedia(paths: FfmpegPaths, input: string): Promise<ProbeSummary> {
  const data = JSON.parse(await ffprobeJson(paths, input)) as { format?: Record<string, string>; streams?: Record<string, unknown>[] }
  if (!data.format || !data.streams) throw new MediaReadError('no container found')
  const v = data.streams.find((s) => s.codec_type === 'video' && !(s.disposition as { attached_pic?: number } | undefined)?.attached_pic)
  const a = data.streams.find((s) => s.codec_type === 'audio')
  const rotation = v ? rotationOf(v) : 0
  const [w, h] = [Number(v?.width ?? 0), Number(v?.height ?? 0)]
  return {
    durationSeconds: Number(data.format.duration ?? v?.duration ?? 0),
    sizeBytes: Number(data.format.size ?? (await stat(input)).size),
    bitRate: data.format.bit_rate ? Number(data.format.bit_rate) : null,
    formatName: data.format.format_name ?? 'unknown',
    video: v ? { codec: String(v.codec_name ?? 'unknown'), width: rotation % 180 ? h : w, height: rotation % 180 ? w : h,
      fps: frameRate(v), rotation, level: typeof v.level === 'number' && v.level > 0 ? v.level : null } : null,
    audio: a ? { codec: String(a.codec_name ?? 'unknown'), channels: Number(a.channels ?? 0), sampleRate: Number(a.sample_rate ?? 0) } : null,
  }
}

/**
 * Transcodes one rung to HLS VOD in `outDir` (index.m3u8 + seg_00001.ts...): 4 s segments with keyframes forced on the
 * same 4 s grid in every rendition so players can switch; H.264 High capped CRF; AAC only when the source has audio.
 */
export async function transcodeRendition(paths: FfmpegPaths, input: string, outDir: string, rendition: Rendition, options: RunOptions = {}): Promise<HlsOutput> {
  await mkdir(outDir, { recursive: true })
  const playlist = path.join(outDir, 'index.m3u8')
  const cmd = command(paths).input(input).output(playlist).outputOptions([
    '-map', '0:v:0', '-map', '0:a:0?', '-vf', `scale=${rendition.width}:${rendition.height},setsar=1`, '-fpsmax', '60',
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-crf', '23',
    '-maxrate', `${rendition.videoKbps}k`, '-bufsize', `${rendition.videoKbps * 2}k`, '-force_key_frames', 'expr:gte(t,n_forced*4)',
    '-c:a', 'aac', '-b:a', `${rendition.audioKbps}k`, '-ac', '2', '-ar', '48000',
    '-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments', '-start_number', '1',
    '-hls_segment_filename', path.join(outDir, 'seg_%05d.ts'),
  ])
  await run(cmd, options)
  const segments = await Promise.all(playlistSegments(await readFile(playlist, 'utf8'))
    .map(async (s) => ({ ...s, bytes: (await stat(path.join(outDir, s.file))).size })))
  const out = await probeMedia(paths, playlist)
  if (!out.video) throw new Error(`transcode of ${rendition.name} produced no video`)
  return { playlist, segments, width: out.video.width, height: out.video.height, codecs: codecsFor(out.video.level ?? 40, out.audio !== null) }
}

/** Writes one JPEG poster frame at `atSeconds`, at most 1280 px on the long side. */
export function renderThumbnail(paths: FfmpegPaths, input: string, out: string, atSeconds: number, options: RunOptions = {}): Promise<void> {
  return run(command(paths).input(input).seekInput(atSeconds).output(out).outputOptions(['-frames:v', '1', '-vf', fitWithin(1280), '-q:v', '3']), options)
}

/** Writes the scrub sprite: one tile per interval laid out as the layout says (long clips decode keyframes only). */
export function renderSprite(paths: FfmpegPaths, input: string, out: string, layout: SpriteLayout, options: RunOptions = {}): Promise<void> {
  const cmd = command(paths).input(input)
  if (layout.intervalSeconds >= 10) cmd.inputOptions(['-skip_frame', 'nokey'])
  const filter = `fps=1/${layout.intervalSeconds}:eof_action=pass,scale=${layout.tileWidth}:${layout.tileHeight},setsar=1,tile=${layout.columns}x${layout.rows}`
  return run(cmd.output(out).outputOptions(['-an', '-vf', filter, '-frames:v', '1', '-q:v', '4']), options)
}

/** Writes the silent teaser: the window of the source at 360p (short side), MP4 with the index up front. */
export function renderPreview(paths: FfmpegPaths, input: string, out: string, window: { start: number; seconds: number }, options: RunOptions = {}): Promise<void> {
  const scale = "scale=w='if(gte(iw,ih),-2,trunc(min(360,iw)/2)*2)':h='if(gte(iw,ih),trunc(min(360,ih)/2)*2,-2)'"
  return run(command(paths).input(input).seekInput(window.start).output(out).outputOptions(['-t', String(window.seconds), '-an',
    '-vf', `${scale},setsar=1`, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-movflags', '+faststart']), options)
}

/** Per instant: a JPEG at most 320 px on the long side and the same frame as 32x32 8-bit grayscale (for perceptual hashes). */
export async function sampleFrames(paths: FfmpegPaths, input: string, times: number[]): Promise<SampledFrame[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fanz-frames-'))
  try {
    const frames: SampledFrame[] = []
    for (const [i, atSeconds] of times.entries()) {
      const [jpegPath, grayPath] = [path.join(dir, `${i}.jpg`), path.join(dir, `${i}.gray`)]
      await run(command(paths).input(input).seekInput(atSeconds)
        .complexFilter(`[0:v]split=2[a][b];[a]${fitWithin(320)}[j];[b]scale=32:32,format=gray[g]`)
        .output(jpegPath).outputOptions(['-map', '[j]', '-frames:v', '1', '-q:v', '4'])
        .output(grayPath).outputOptions(['-map', '[g]', '-frames:v', '1', '-f', 'rawvideo']))
      const gray32 = new Uint8Array(await readFile(grayPath))
      if (gray32.length !== 1024) throw new Error(`no frame at ${atSeconds} s in ${path.basename(input)}`)
      frames.push({ atSeconds, jpeg: await readFile(jpegPath), gray32 })
    }
    return frames
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const command = (paths: FfmpegPaths) => ffmpeg().setFfmpegPath(paths.ffmpegPath).setFfprobePath(paths.ffprobePath)
const fitWithin = (px: number) => `scale=w='min(${px},iw)':h='min(${px},ih)':force_original_aspect_ratio=decrease:force_divisible_by=2`

/** Runs a prepared command; an abort kills ffmpeg (also when it fires before the process started) and rejects with the reason. */
function run(cmd: ffmpeg.FfmpegCommand, { onProgress, signal }: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const kill = () => cmd.kill('SIGKILL')
    signal?.addEventListener('abort', kill, { once: true })
    const settle = (err?: Error) => {
      signal?.removeEventListener('abort', kill)
      if (signal?.aborted) reject(signal.reason)
      else if (err) reject(err)
      else { onProgress?.(100); resolve() }
    }
    cmd.on('start', () => { if (signal?.aborted) kill() })
      .on('progress', (p: { percent?: number }) => {
        if (onProgress && Number.isFinite(p.percent)) onProgress(Math.min(99.9, Math.max(0, p.percent!)))
      })
      .on('error', (err: Error) => settle(err))
      .on('end', () => settle())
      .run()
  })
}

function ffprobeJson(paths: FfmpegPaths, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(paths.ffprobePath, ['-v', 'error', '-of', 'json', '-show_format', '-show_streams', input], { maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout)
        // a numeric code is ffprobe's verdict on the file; anything else (ENOENT, a signal) is ours and may be retried
        reject(typeof err.code === 'number' ? new MediaReadError(shortReason(stderr, input)) : err)
      })
  })
}

/** ffprobe's complaint without addresses and paths, e.g. "moov atom not found; Invalid data found when processing input". */
function shortReason(stderr: string, input: string): string {
  const lines = stderr.split('\n').map((l) => l.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/, '').replace(`${input}: `, '').trim()).filter(Boolean)
  return [...new Set(lines)].join('; ').slice(0, 200) || 'unknown error'
}

function rotationOf(stream: Record<string, unknown>): number {
  const sideData = (stream.side_data_list as { rotation?: number }[] | undefined)?.find((d) => typeof d.rotation === 'number')
  const raw = sideData?.rotation ?? Number((stream.tags as { rotate?: string } | undefined)?.rotate ?? 0)
  return ((Math.round(raw / 90) * 90) % 360 + 360) % 360
}

function frameRate(stream: Record<string, unknown>): number {
  for (const key of ['avg_frame_rate', 'r_frame_rate']) {
    const [num, den] = String(stream[key] ?? '0/0').split('/').map(Number)
    if (num && den) return Math.round((num / den) * 1000) / 1000
  }
  return 0
}
