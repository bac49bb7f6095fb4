import assert from 'node:assert/strict'
import { BLOCK_DISTANCE, hammingDistance, lowFrequencies, phash } from './phash.ts'

const N = 32
const frame = (f: (x: number, y: number) => number) =>
  Uint8Array.from({ length: N * N }, (_, i) => Math.max(0, Math.min(255, Math.round(f(i % N, Math.floor(i / N))))))

// deterministic noise, so a failure reproduces
function noise(seed: number) {
  let s = seed
  return () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff - 0.5 }
}

const diagonal = (x: number, y: number) => (x + y) * 4
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => ((x - cx) ** 2 + (y - cy) ** 2 < r * r ? 220 : 30)
const checker = (size: number) => (x: number, y: number) => ((Math.floor(x / size) + Math.floor(y / size)) % 2 ? 230 : 20)
const scene = (x: number, y: number) => diagonal(x, y) * 0.5 + (circle(12, 14, 7)(x, y) - 30) * 0.6 + (x > 22 && y < 8 ? 60 : 0)

describe('phash', () => {
  it('computes the orthonormal DCT: a flat frame has only DC (= 32 * value)', () => {
    const c = lowFrequencies(frame(() => 100))
    assert.ok(Math.abs(c[0]! - 3200) < 1e-9)
    assert.ok(Array.from(c.subarray(1)).every((v) => Math.abs(v) < 1e-9))
  })

  it('is 16 lowercase hex digits and refuses a frame of the wrong size', () => {
    assert.match(phash(frame(scene)), /^[0-9a-f]{16}$/)
    assert.throws(() => phash(new Uint8Array(100)), RangeError)
  })

  const near: [string, (x: number, y: number) => number, number][] = [
    ['identical', scene, 0],
    ['brighter by 20', (x, y) => scene(x, y) + 20, 0],
    ['darker by 15', (x, y) => scene(x, y) - 15, 0],
    ['contrast x1.2', (x, y) => scene(x, y) * 1.2, 0],
    ['noise of +-6', ((r) => (x: number, y: number) => scene(x, y) + r() * 12)(noise(7)), 4],
    ['noise of +-12 and brighter', ((r) => (x: number, y: number) => scene(x, y) + 10 + r() * 24)(noise(11)), 6],
    ['shifted one pixel right', (x, y) => scene(Math.max(0, x - 1), y), 6],
  ]
  for (const [name, f, max] of near) {
    it(`a ${name} copy stays within ${max} bits`, () => {
      const d = hammingDistance(phash(frame(scene)), phash(frame(f)))
      assert.ok(d <= max && d <= BLOCK_DISTANCE, `distance ${d}`)
    })
  }

  const far: [string, (x: number, y: number) => number][] = [
    ['checkerboard', checker(4)],
    ['coarse checkerboard', checker(8)],
    ['circle elsewhere', circle(24, 22, 6)],
    ['mirrored scene', (x, y) => scene(N - 1 - x, y)],
    ['flipped gradient', (x, y) => 255 - diagonal(x, y)],
  ]
  for (const [name, f] of far) {
    it(`a ${name} is far (> 2x BLOCK_DISTANCE)`, () => {
      const d = hammingDistance(phash(frame(scene)), phash(frame(f)))
      assert.ok(d > 2 * BLOCK_DISTANCE, `distance ${d}`)
    })
  }

  const distances: [string, string, number][] = [
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['8000000000000001', '0000000000000000', 2],
    ['0f0f0f0f0f0f0f0f', 'f0f0f0f0f0f0f0f0', 64],
    ['a5a5a5a5a5a5a5a5', 'a5a5a5a5a5a5a5a4', 1],
  ]
  for (const [a, b, d] of distances) it(`hammingDistance(${a}, ${b}) = ${d}`, () => assert.equal(hammingDistance(a, b), d))

  it('refuses hashes that are not 16 hex digits', () => {
    assert.throws(() => hammingDistance('abc', '0000000000000000'), RangeError)
    assert.throws(() => hammingDistance('ABCDEF0123456789', '0000000000000000'), RangeError)
  })
})
