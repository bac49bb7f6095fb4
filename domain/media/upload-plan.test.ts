import assert from 'node:assert/strict'
import {
  addSample, bytesPerSecond, contentTypeFor, formatDuration, isSameFile, mergeParts, parseTags, progressPercent,
  resumePlan, retryDelayMs, secondsLeft, slicePlan,
} from './upload-plan.ts'
import { DEFAULT_PART_BYTES } from './upload-policy.ts'

const MiB = 1024 * 1024

describe('slicePlan', () => {
  const table: [string, number, number, [number, number, number][]][] = [
    ['one byte', 1, 8 * MiB, [[1, 0, 1]]],
    ['exactly one part', 8 * MiB, 8 * MiB, [[1, 0, 8 * MiB]]],
    ['one byte over', 8 * MiB + 1, 8 * MiB, [[1, 0, 8 * MiB], [2, 8 * MiB, 8 * MiB + 1]]],
    ['remainder in the last part', 20, 8, [[1, 0, 8], [2, 8, 16], [3, 16, 20]]],
  ]
  for (const [name, size, partSize, parts] of table) {
    it(name, () => assert.deepEqual(slicePlan(size, partSize), parts.map(([partNumber, start, end]) => ({ partNumber, start, end }))))
  }
  it('covers the file without gaps or overlap', () => {
    const size = 3 * DEFAULT_PART_BYTES + 12_345
    const parts = slicePlan(size, DEFAULT_PART_BYTES)
    assert.equal(parts.length, 4)
    parts.forEach((p, i) => assert.equal(p.start, i === 0 ? 0 : parts[i - 1]?.end))
    assert.equal(parts.at(-1)?.end, size)
  })
})

describe('resumePlan', () => {
  // a 20-byte file in parts of 8: sizes 8, 8, 4
  const table: [string, { partNumber: number; etag: string; size: number }[], number[], number[], number][] = [
    ['nothing stored yet', [], [], [1, 2, 3], 0],
    ['first and last stored', [{ partNumber: 1, etag: '"a"', size: 8 }, { partNumber: 3, etag: '"c"', size: 4 }], [1, 3], [2], 12],
    ['everything stored', [{ partNumber: 2, etag: '"b"', size: 8 }, { partNumber: 1, etag: '"a"', size: 8 }, { partNumber: 3, etag: '"c"', size: 4 }], [1, 2, 3], [], 20],
    ['a short part is sent again', [{ partNumber: 1, etag: '"a"', size: 5 }], [], [1, 2, 3], 0],
    ['a part without an etag is sent again', [{ partNumber: 2, etag: '', size: 8 }], [], [1, 2, 3], 0],
    ['parts beyond the file are ignored', [{ partNumber: 4, etag: '"d"', size: 8 }], [], [1, 2, 3], 0],
  ]
  for (const [name, stored, done, missing, doneBytes] of table) {
    it(name, () => {
      const plan = resumePlan(20, 8, stored)
      assert.deepEqual(plan.done.map((p) => p.partNumber), done)
      assert.deepEqual(plan.missing, missing)
      assert.equal(plan.doneBytes, doneBytes)
    })
  }
})

describe('mergeParts', () => {
  it('sorts by part number and keeps the later etag of a part sent twice', () => {
    const merged = mergeParts([{ partNumber: 3, etag: 'c' }, { partNumber: 1, etag: 'a' }], [{ partNumber: 2, etag: 'b' }, { partNumber: 3, etag: 'c2' }])
    assert.deepEqual(merged, [{ partNumber: 1, etag: 'a' }, { partNumber: 2, etag: 'b' }, { partNumber: 3, etag: 'c2' }])
  })
})

describe('retryDelayMs', () => {
  for (const [attempt, ms] of [[1, 1000], [2, 2000], [3, 4000], [0, 1000]] as const) it(`attempt ${attempt} -> ${ms} ms`, () => assert.equal(retryDelayMs(attempt), ms))
})

describe('transfer rate and time left', () => {
  it('measures over the window and drops older samples', () => {
    let samples = addSample([], { atMs: 0, bytes: 0 })
    samples = addSample(samples, { atMs: 1000, bytes: 1000 })
    samples = addSample(samples, { atMs: 7000, bytes: 61_000 })
    samples = addSample(samples, { atMs: 8000, bytes: 71_000 })
    assert.deepEqual(samples.map((s) => s.atMs), [7000, 8000])
    assert.equal(bytesPerSecond(samples), 10_000)
  })
  it('keeps the last two samples even after a long stall', () => {
    const samples = addSample([{ atMs: 0, bytes: 0 }], { atMs: 60_000, bytes: 600 })
    assert.equal(samples.length, 2)
    assert.equal(bytesPerSecond(samples), 10)
  })
  const rates: [string, { atMs: number; bytes: number }[], number | null][] = [
    ['no samples', [], null], ['one sample', [{ atMs: 0, bytes: 5 }], null],
    ['under half a second', [{ atMs: 0, bytes: 0 }, { atMs: 400, bytes: 4000 }], null],
    ['two seconds', [{ atMs: 0, bytes: 0 }, { atMs: 2000, bytes: 4000 }], 2000],
  ]
  for (const [name, samples, rate] of rates) it(`rate: ${name}`, () => assert.equal(bytesPerSecond(samples), rate))
  const left: [number, number | null, number | null][] = [[1000, 100, 10], [1001, 100, 11], [0, null, 0], [500, null, null], [500, 0, null]]
  for (const [remaining, rate, seconds] of left) it(`${remaining} bytes at ${rate}/s -> ${seconds} s`, () => assert.equal(secondsLeft(remaining, rate), seconds))
})

describe('formatDuration', () => {
  const table: [number, string][] = [[0, '0 s'], [42, '42 s'], [60, '1 min'], [200, '3 min 20 s'], [3600, '1 h'], [7500, '2 h 5 min']]
  for (const [seconds, text] of table) it(`${seconds} -> ${text}`, () => assert.equal(formatDuration(seconds), text))
})

describe('progressPercent', () => {
  const table: [number, number, number][] = [[0, 100, 0], [999, 1000, 99], [1000, 1000, 100], [5, 0, 100], [2000, 1000, 100]]
  for (const [done, total, percent] of table) it(`${done}/${total} -> ${percent}`, () => assert.equal(progressPercent(done, total), percent))
})

describe('contentTypeFor', () => {
  const table: [string, string, string][] = [
    ['clip.mp4', 'video/mp4', 'video/mp4'],
    ['clip.mkv', '', 'video/x-matroska'],
    ['clip.M4V', 'video/x-m4v', 'video/mp4'],
    ['clip.mov', 'application/octet-stream', 'video/quicktime'],
    // a type the browser knows and we do not take stays as it is, so the refusal names it
    ['clip.avi', 'video/x-msvideo', 'video/x-msvideo'],
    ['notes.txt', '', ''],
  ]
  for (const [name, type, expected] of table) it(`${name} (${type || 'no type'}) -> ${expected || 'no type'}`, () => assert.equal(contentTypeFor(name, type), expected))
})

describe('parseTags', () => {
  const table: [string, string[]][] = [['', []], ['solo', ['solo']], ['Solo, outdoor ,, solo', ['Solo', 'outdoor']], [' , ,', []]]
  for (const [text, tags] of table) it(JSON.stringify(text), () => assert.deepEqual(parseTags(text), tags))
})

describe('isSameFile', () => {
  const file = { fileName: 'a.mp4', size: 10, lastModified: 1 }
  const table: [string, typeof file, boolean][] = [
    ['same', { ...file }, true], ['renamed', { ...file, fileName: 'b.mp4' }, false],
    ['resized', { ...file, size: 11 }, false], ['modified', { ...file, lastModified: 2 }, false],
  ]
  for (const [name, other, same] of table) it(name, () => assert.equal(isSameFile(file, other), same))
})
