import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chooseLadder, previewWindow, spriteLayout } from '../../domain/media/ladder.ts'
import {
  MediaReadError, probeMedia, renderPreview, renderSprite, renderTestClip, renderThumbnail, sampleFrames, transcodeRendition,
  type FfmpegPaths,
} from './ffmpeg.ts'

const paths: FfmpegPaths = { ffmpegPath: '/usr/bin/ffmpeg', ffprobePath: '/usr/bin/ffprobe' }

describe('ffmpeg (real binaries)', function () {
  this.timeout(60_000)
  let dir: string
  const file = (name: string) => path.join(dir, name)
  const dims = async (p: string) => { const v = (await probeMedia(paths, p)).video!; return `${v.width}x${v.height}` }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fanz-ffmpeg-test-'))
    await renderTestClip(paths, file('hd.mp4'), { seconds: 3, width: 1280, height: 720, rate: 30 })
    await renderTestClip(paths, file('silent.mp4'), { seconds: 2, width: 320, height: 240, audio: false })
    await renderTestClip(paths, file('portrait.mp4'), { seconds: 2, width: 360, height: 640 })
    await renderTestClip(paths, file('long.mp4'), { seconds: 9, width: 320, height: 180, rate: 25 })
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('probes container and stream facts; the old one-argument call still works', async () => {
    await renderTestClip(paths, file('legacy.mp4'))
    assert.equal((await probeMedia(paths, file('legacy.mp4'))).video?.width, 320)
    const p = await probeMedia(paths, file('hd.mp4'))
    assert.ok(Math.abs(p.durationSeconds - 3) < 0.1, `duration ${p.durationSeconds}`)
    assert.deepEqual({ ...p.video, level: null }, { codec: 'h264', width: 1280, height: 720, fps: 30, rotation: 0, level: null })
    assert.equal(p.audio?.codec, 'aac')
    assert.match(p.formatName, /mp4/)
    assert.equal(p.sizeBytes, (await stat(file('hd.mp4'))).size)
    assert.ok(p.bitRate && p.bitRate > 10_000)
    assert.equal((await probeMedia(paths, file('silent.mp4'))).audio, null)
  })

  it('reports rotation and the displayed size of a phone clip tagged as rotated, and transcodes it upright', async () => {
    const { execFileSync } = await import('node:child_process')
    execFileSync(paths.ffmpegPath, ['-v', 'error', '-i', file('hd.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file('rotated.mp4')])
    const v = (await probeMedia(paths, file('rotated.mp4'))).video!
    assert.deepEqual([v.rotation % 180, v.width, v.height], [90, 720, 1280])
    const [rung] = chooseLadder({ video: v })
    const out = await transcodeRendition(paths, file('rotated.mp4'), file('hls-rotated'), rung!)
    assert.equal(await dims(out.playlist), '240x426', 'ffmpeg applies the rotation, so the ladder is sized as displayed')
  })

  it('rejects a truncated MP4 and random bytes with a short readable reason', async () => {
    const whole = await readFile(file('hd.mp4'))
    await writeFile(file('half.mp4'), whole.subarray(0, whole.length / 2))
    await writeFile(file('noise.mp4'), randomBytes(64 * 1024))
    for (const name of ['half.mp4', 'noise.mp4']) {
      await assert.rejects(probeMedia(paths, file(name)), (err: unknown) => {
        assert.ok(err instanceof MediaReadError)
        assert.match(err.reason, /moov atom not found|Invalid data/)
        assert.ok(!err.reason.includes(dir) && !/0x[0-9a-f]{6}/.test(err.reason), err.reason)
        return true
      })
    }
  })

  it('transcodes a 720p clip to three playable HLS rungs with rising progress', async () => {
    const ladder = chooseLadder({ video: { width: 1280, height: 720 } }).filter((r) => ['240p', '480p', '720p'].includes(r.name))
    for (const rendition of ladder) {
      const progress: number[] = []
      const started = performance.now()
      const out = await transcodeRendition(paths, file('hd.mp4'), file(`hls/${rendition.name}`), rendition, { onProgress: (p) => progress.push(p) })
      console.log(`      ${rendition.name}: 3 s clip in ${Math.round(performance.now() - started)} ms, ${out.segments.length} segments, ${out.codecs}, progress ${progress.map(Math.round)}`)
      assert.equal(`${out.width}x${out.height}`, `${rendition.width}x${rendition.height}`)
      assert.equal(await dims(out.playlist), `${rendition.width}x${rendition.height}`)
      assert.deepEqual(out.segments.map((s) => s.file), ['seg_00001.ts'])
      assert.ok(out.segments[0]!.bytes > 1000 && Math.abs(out.segments[0]!.seconds - 3) < 0.1)
      assert.deepEqual((await readdir(file(`hls/${rendition.name}`))).sort(), ['index.m3u8', 'seg_00001.ts'])
      assert.match(await readFile(out.playlist, 'utf8'), /#EXT-X-PLAYLIST-TYPE:VOD[\s\S]*#EXT-X-ENDLIST/)
      assert.match(out.codecs, /^avc1\.6400[0-9a-f]{2},mp4a\.40\.2$/)
      assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]!), `progress ${progress}`)
      assert.ok(progress.length >= 2 && progress[0]! < 100 && progress.at(-1) === 100, `progress ${progress}`)
    }
  })

  it('cuts 4 s segments on a shared keyframe grid', async () => {
    const [rung] = chooseLadder({ video: { width: 320, height: 180 } })
    const big = await transcodeRendition(paths, file('long.mp4'), file('hls-long'), rung!)
    const small = await transcodeRendition(paths, file('long.mp4'), file('hls-long-small'), { ...rung!, name: '90p', width: 160, height: 90 })
    assert.deepEqual(big.segments.map((s) => s.seconds), [4, 4, 1])
    assert.deepEqual(small.segments.map((s) => s.seconds), big.segments.map((s) => s.seconds))
  })

  it('an abort midway kills ffmpeg and rejects with the abort reason', async () => {
    const controller = new AbortController()
    const outDir = file('hls-aborted')
    let abortedAt = 0
    const abortOnFirstProgress = () => { abortedAt ||= performance.now(); controller.abort(new Error('upload deleted')) }
    // 9 s upscaled to 1080p takes several seconds: the first progress line comes well before the end
    const slow = { name: '1080p', width: 1920, height: 1080, videoKbps: 5000, audioKbps: 160 }
    await assert.rejects(transcodeRendition(paths, file('long.mp4'), outDir, slow, { signal: controller.signal, onProgress: abortOnFirstProgress }),
      /upload deleted/)
    assert.ok(abortedAt > 0 && performance.now() - abortedAt < 1500, 'rejected promptly after the abort')
    const written = async () => Promise.all((await readdir(outDir)).map(async (f) => `${f}:${(await stat(path.join(outDir, f))).size}`))
    const atAbort = await written()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.deepEqual(await written(), atAbort, 'a live ffmpeg would have written more by now')
    assert.ok(!atAbort.some((f) => f.startsWith('index.m3u8')), 'no playlist for a killed transcode')
    await assert.rejects(transcodeRendition(paths, file('hd.mp4'), outDir, slow, { signal: controller.signal }), /upload deleted/)
  })

  it('a silent source gives video-only HLS; a portrait source keeps its orientation', async () => {
    const [silentRung] = chooseLadder({ video: { width: 320, height: 240 } })
    const silent = await transcodeRendition(paths, file('silent.mp4'), file('hls-silent'), silentRung!)
    assert.equal((await probeMedia(paths, silent.playlist)).audio, null)
    assert.doesNotMatch(silent.codecs, /mp4a/)
    const [portraitRung] = chooseLadder({ video: { width: 360, height: 640 } })
    const portrait = await transcodeRendition(paths, file('portrait.mp4'), file('hls-portrait'), portraitRung!)
    assert.equal(await dims(portrait.playlist), '240x426')
  })

  it('renders thumbnail, sprite and preview at the right sizes', async () => {
    await renderThumbnail(paths, file('hd.mp4'), file('thumb.jpg'), 1.5)
    assert.equal(await dims(file('thumb.jpg')), '1280x720')
    await renderThumbnail(paths, file('portrait.mp4'), file('thumb-portrait.jpg'), 1)
    assert.equal(await dims(file('thumb-portrait.jpg')), '360x640')
    const layout = spriteLayout(3, { width: 1280, height: 720 })
    await renderSprite(paths, file('hd.mp4'), file('sprite.jpg'), layout)
    assert.equal(await dims(file('sprite.jpg')), `${layout.columns * layout.tileWidth}x${layout.rows * layout.tileHeight}`)
    await renderPreview(paths, file('hd.mp4'), file('preview.mp4'), previewWindow(3))
    const preview = await probeMedia(paths, file('preview.mp4'))
    assert.deepEqual([preview.video?.width, preview.video?.height, preview.audio], [640, 360, null])
    assert.ok(Math.abs(preview.durationSeconds - 3) < 0.2)
    await renderPreview(paths, file('portrait.mp4'), file('preview-portrait.mp4'), { start: 0.5, seconds: 1 })
    assert.equal(await dims(file('preview-portrait.mp4')), '360x640')
  })

  it('samples frames as small JPEGs plus 32x32 grayscale', async () => {
    const frames = await sampleFrames(paths, file('hd.mp4'), [0.5, 1.5, 2.5])
    assert.deepEqual(frames.map((f) => f.atSeconds), [0.5, 1.5, 2.5])
    for (const f of frames) {
      assert.equal(f.gray32.length, 1024)
      assert.deepEqual([...f.jpeg.subarray(0, 2)], [0xff, 0xd8])
      await writeFile(file('frame.jpg'), f.jpeg)
      assert.equal(await dims(file('frame.jpg')), '320x180')
    }
    assert.notDeepEqual(frames[0]!.gray32, frames[2]!.gray32, 'different instants, different frames')
    assert.equal((await sampleFrames(paths, file('portrait.mp4'), [1]))[0]!.gray32.length, 1024)
  })
})
