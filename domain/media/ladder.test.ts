import assert from 'node:assert/strict'
import {
  chooseLadder, codecsFor, masterPlaylist, measureBandwidth, overallPercent, playlistSegments, previewWindow, sampleTimes,
  sourceProblem, spriteLayout, spriteVtt, unreadableMessage, type SourceFacts,
} from './ladder.ts'

const sizes = (width: number, height: number) => chooseLadder({ video: { width, height } }).map((r) => `${r.name}:${r.width}x${r.height}`)

describe('chooseLadder', () => {
  const cases: { name: string; width: number; height: number; expect: string[] }[] = [
    { name: '1080p landscape: five rungs', width: 1920, height: 1080,
      expect: ['240p:426x240', '360p:640x360', '480p:854x480', '720p:1280x720', '1080p:1920x1080'] },
    { name: '4K stops at 1080p', width: 3840, height: 2160,
      expect: ['240p:426x240', '360p:640x360', '480p:854x480', '720p:1280x720', '1080p:1920x1080'] },
    { name: '720p: no upscaling to 1080p', width: 1280, height: 720, expect: ['240p:426x240', '360p:640x360', '480p:854x480', '720p:1280x720'] },
    { name: 'portrait phone 1080x1920: chosen by the short side', width: 1080, height: 1920,
      expect: ['240p:240x426', '360p:360x640', '480p:480x854', '720p:720x1280', '1080p:1080x1920'] },
    { name: '4:3 SD 640x480', width: 640, height: 480, expect: ['240p:320x240', '360p:480x360', '480p:640x480'] },
    { name: '1920x1072 (cropped) still gets 1080p at its own size', width: 1920, height: 1072,
      expect: ['240p:430x240', '360p:644x360', '480p:860x480', '720p:1290x720', '1080p:1920x1072'] },
    { name: 'between rungs (1000x600) tops out at 480p', width: 1000, height: 600, expect: ['240p:400x240', '360p:600x360', '480p:800x480'] },
    { name: 'below 240p: one rendition at its own (even) size', width: 177, height: 145, expect: ['144p:176x144'] },
    { name: 'odd source width never rounds up past the source', width: 1281, height: 720,
      expect: ['240p:428x240', '360p:640x360', '480p:854x480', '720p:1280x720'] },
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(sizes(c.width, c.height), c.expect))

  it('bitrates rise with the rung; no video, no ladder', () => {
    const ladder = chooseLadder({ video: { width: 1920, height: 1080 } })
    for (let i = 1; i < ladder.length; i++) assert.ok(ladder[i]!.videoKbps > ladder[i - 1]!.videoKbps)
    assert.ok(ladder.every((r) => r.audioKbps >= 64 && r.width % 2 === 0 && r.height % 2 === 0))
    assert.deepEqual(chooseLadder({ video: null }), [])
  })
})

describe('sourceProblem', () => {
  const ok: SourceFacts = { durationSeconds: 30, formatName: 'mov,mp4,m4a,3gp,3g2,mj2', video: { codec: 'h264', width: 1280, height: 720 } }
  const cases: { name: string; probe: SourceFacts; code: string | null; says?: RegExp }[] = [
    { name: 'a normal MP4', probe: ok, code: null },
    { name: 'webm VP9', probe: { ...ok, formatName: 'matroska,webm', video: { codec: 'vp9', width: 640, height: 360 } }, code: null },
    { name: 'audio only', probe: { ...ok, video: null }, code: 'NO_VIDEO_STREAM', says: /no video track/ },
    { name: 'a text file probed as "video"', probe: { ...ok, formatName: 'bin', video: { codec: 'bintext', width: 1, height: 1 } },
      code: 'UNREADABLE_MEDIA', says: /bin format is not supported.*MP4 \(H\.264\/AAC\)/ },
    { name: 'unknown codec in MP4', probe: { ...ok, video: { codec: 'cinepak', width: 320, height: 240 } }, code: 'UNREADABLE_MEDIA', says: /cinepak/ },
    { name: 'half a second', probe: { ...ok, durationSeconds: 0.5 }, code: 'TOO_SHORT', says: /0\.5 seconds.*at least 1 second/ },
    { name: 'exactly 1 s is fine', probe: { ...ok, durationSeconds: 1 }, code: null },
    { name: 'five hours', probe: { ...ok, durationSeconds: 5 * 3600 + 90 }, code: 'TOO_LONG', says: /5 h 2 min.*4 hours/ },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const problem = sourceProblem(c.probe)
      assert.equal(problem?.code ?? null, c.code)
      if (c.says) assert.match(problem!.message, c.says)
    })
  }
})

describe('unreadableMessage', () => {
  const cases: [string, RegExp][] = [
    ['moov atom not found; Invalid data found when processing input', /: the file is incomplete \(it was cut off/],
    ['Invalid data found when processing input', /: it is damaged or not a video file\. Export it again as MP4 \(H\.264\/AAC\) and re-upload\.$/],
    ['EBML header parsing failed', /^We could not read this file as video: EBML header parsing failed\. Export/],
  ]
  for (const [reason, says] of cases) it(reason, () => assert.match(unreadableMessage(reason), says))
})

describe('playlists', () => {
  it('master playlist lists renditions lowest first with bandwidth, resolution, codecs and URI', () => {
    const text = masterPlaylist([
      { name: '720p', width: 1280, height: 720, bandwidth: 3_000_000.4, codecs: codecsFor(31, true) },
      { name: '240p', width: 426, height: 240, bandwidth: 450_000, averageBandwidth: 300_000 },
    ])
    assert.equal(text, [
      '#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-STREAM-INF:BANDWIDTH=450000,AVERAGE-BANDWIDTH=300000,RESOLUTION=426x240,CODECS="avc1.640028,mp4a.40.2"', '240p/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"', '720p/index.m3u8', '',
    ].join('\n'))
  })

  it('codecs: level in hex, audio only when present', () => {
    assert.equal(codecsFor(40, false), 'avc1.640028')
    assert.equal(codecsFor(42, true), 'avc1.64002a,mp4a.40.2')
  })

  it('reads segments from a media playlist and measures peak and average bitrate', () => {
    const segments = playlistSegments('#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.000000,\nseg_00001.ts\n#EXTINF:2.000000,\nseg_00002.ts\n#EXT-X-ENDLIST\n')
    assert.deepEqual(segments, [{ file: 'seg_00001.ts', seconds: 4 }, { file: 'seg_00002.ts', seconds: 2 }])
    const measured = measureBandwidth([{ ...segments[0]!, bytes: 500_000 }, { ...segments[1]!, bytes: 500_000 }])
    assert.deepEqual(measured, { bandwidth: 2_000_000, averageBandwidth: 1_333_334 })
  })
})

describe('sampleTimes', () => {
  const cases: { duration: number; count: number; expect: number[] }[] = [
    { duration: 10, count: 4, expect: [2, 4, 6, 8] },
    { duration: 60, count: 1, expect: [30] },
    { duration: 1, count: 3, expect: [0.3, 0.5, 0.8] },
    { duration: 0.3, count: 8, expect: [0.1, 0.2] },
    { duration: 0.04, count: 3, expect: [0.02] },
    { duration: 0, count: 3, expect: [] },
    { duration: 10, count: 0, expect: [] },
  ]
  for (const c of cases) {
    it(`${c.count} in ${c.duration} s`, () => {
      const times = sampleTimes(c.duration, c.count)
      assert.deepEqual(times, c.expect)
      assert.ok(times.every((t) => t > 0 && t < c.duration))
    })
  }
})

describe('sprite and preview', () => {
  const cases: { duration: number; source?: { width: number; height: number }; expect: Partial<ReturnType<typeof spriteLayout>> }[] = [
    { duration: 3, expect: { intervalSeconds: 1, count: 3, columns: 3, rows: 1, tileWidth: 160, tileHeight: 90 } },
    { duration: 95, expect: { intervalSeconds: 1, count: 95, columns: 10, rows: 10 } },
    { duration: 600, expect: { intervalSeconds: 10, count: 60, columns: 10, rows: 6 } },
    { duration: 4 * 3600, expect: { intervalSeconds: 180, count: 80, rows: 8 } },
    { duration: 20 * 3600, expect: { intervalSeconds: 720, count: 100 } },
    { duration: 12, source: { width: 1080, height: 1920 }, expect: { intervalSeconds: 1, tileWidth: 90, tileHeight: 160 } },
  ]
  for (const c of cases) {
    it(`sprite layout for ${c.duration} s`, () => {
      const layout = spriteLayout(c.duration, c.source)
      for (const [key, value] of Object.entries(c.expect)) assert.equal(layout[key as keyof typeof layout], value, key)
    })
  }

  it('VTT: one cue per tile, last cue ends at the clip end, tiles walk the grid', () => {
    const vtt = spriteVtt(spriteLayout(12.5), 'sprite.jpg')
    assert.ok(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite.jpg#xywh=0,0,160,90\n'))
    assert.match(vtt, /00:00:10\.000 --> 00:00:11\.000\nsprite\.jpg#xywh=0,90,160,90/)
    assert.match(vtt, /00:00:12\.000 --> 00:00:12\.500\nsprite\.jpg#xywh=320,90,160,90\n$/)
    assert.equal(vtt.match(/-->/g)?.length, 13)
    assert.match(spriteVtt(spriteLayout(4000), 's.jpg'), /01:06:00\.000 --> 01:06:40\.000/)
  })

  const windows: [number, { start: number; seconds: number }][] = [[3, { start: 0, seconds: 3 }], [6, { start: 0, seconds: 6 }],
    [7, { start: 1, seconds: 6 }], [30, { start: 10, seconds: 6 }], [3600, { start: 1200, seconds: 6 }]]
  for (const [duration, expect] of windows) it(`preview window of ${duration} s`, () => assert.deepEqual(previewWindow(duration), expect))
})

describe('overallPercent', () => {
  const r = (height: number, percent: number, state: 'pending' | 'running' | 'done' = 'running') => ({ name: `${height}p`, height, percent, state })
  const cases: { name: string; stage: Parameters<typeof overallPercent>[0]; renditions: ReturnType<typeof r>[]; expect: number }[] = [
    { name: 'verifying starts at 0', stage: 'verifying', renditions: [], expect: 0 },
    { name: 'transcoding, nothing done', stage: 'transcoding', renditions: [r(240, 0), r(720, 0)], expect: 8 },
    { name: 'small rung done counts little', stage: 'transcoding', renditions: [r(240, 100, 'done'), r(720, 0)], expect: 16 },
    { name: 'big rung half done', stage: 'transcoding', renditions: [r(240, 100, 'done'), r(720, 50)], expect: 52 },
    { name: 'all done', stage: 'transcoding', renditions: [r(240, 100, 'done'), r(720, 100, 'done')], expect: 88 },
    { name: 'artwork', stage: 'artwork', renditions: [], expect: 88 },
    { name: 'in review is the end of the bar', stage: 'in_review', renditions: [], expect: 100 },
  ]
  for (const c of cases) it(c.name, () => assert.equal(overallPercent(c.stage, c.renditions), c.expect))
})
