/** The one module that touches fluent-ffmpeg (archived upstream in 2025): replaceable behind these functions. */
import ffmpeg from 'fluent-ffmpeg'

export type FfmpegPaths = { ffmpegPath: string; ffprobePath: string }
export type ProbeSummary = { durationSeconds: number; video: { codec: string; width: number; height: number } | null; audio: { codec: string } | null }

/** Renders a short synthetic clip (test pattern + tone) to `output`, for self-checks and tests. */
export function renderTestClip(paths: FfmpegPaths, output: string, seconds = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    ffmpeg().setFfmpegPath(paths.ffmpegPath)
      .input(`testsrc=size=320x240:rate=25:duration=${seconds}`).inputFormat('lavfi')
      .input(`sine=frequency=440:duration=${seconds}`).inputFormat('lavfi')
      .outputOptions(['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'])
      .on('error', (err: Error) => reject(err))
      .on('end', () => resolve())
      .save(output)
  })
}

/** Reads container and stream facts with ffprobe. */
export function probeMedia(paths: FfmpegPaths, input: string): Promise<ProbeSummary> {
  return new Promise((resolve, reject) => {
    const cmd = ffmpeg(input).setFfprobePath(paths.ffprobePath)
    cmd.ffprobe((err: Error | null, data: ffmpeg.FfprobeData) => {
      if (err) return reject(err)
      const v = data.streams.find((s) => s.codec_type === 'video')
      const a = data.streams.find((s) => s.codec_type === 'audio')
      resolve({
        durationSeconds: Number(data.format.duration ?? 0),
        video: v ? { codec: v.codec_name ?? 'unknown', width: v.width ?? 0, height: v.height ?? 0 } : null,
        audio: a ? { codec: a.codec_name ?? 'unknown' } : null,
      })
    })
  })
}
