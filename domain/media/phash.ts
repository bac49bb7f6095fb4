/**
 * 64-bit DCT perceptual hash of a video frame: near-identical pictures (re-encoded, resized, brightened, lightly
 * noised) hash within a few bits of each other, so frames can be matched against a block list of known content.
 */

export const PHASH_SIZE = 32
const LOW = 8
/** Hashes within this many differing bits (of 64) are treated as the same picture. */
export const BLOCK_DISTANCE = 10

// orthonormal DCT-II basis, rows 0..7 only: cos(pi * (2x + 1) * u / 2N) scaled by sqrt(1/N) for u = 0, sqrt(2/N) otherwise
const BASIS: Float64Array[] = Array.from({ length: LOW }, (_, u) => {
  const scale = Math.sqrt((u === 0 ? 1 : 2) / PHASH_SIZE)
  return Float64Array.from({ length: PHASH_SIZE }, (_, x) => scale * Math.cos((Math.PI * (2 * x + 1) * u) / (2 * PHASH_SIZE)))
})

/** The 8x8 lowest-frequency DCT-II coefficients of a 32x32 frame, row-major (index 0 is DC). */
export function lowFrequencies(gray: Uint8Array): Float64Array {
  if (gray.length !== PHASH_SIZE * PHASH_SIZE) throw new RangeError(`expected a ${PHASH_SIZE}x${PHASH_SIZE} grayscale frame (${PHASH_SIZE ** 2} bytes), got ${gray.length}`)
  // separable: transform each row along x, then the results along y
  const rows = new Float64Array(PHASH_SIZE * LOW)
  for (let y = 0; y < PHASH_SIZE; y++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0
      for (let x = 0; x < PHASH_SIZE; x++) sum += gray[y * PHASH_SIZE + x]! * BASIS[u]![x]!
      rows[y * LOW + u] = sum
    }
  }
  const out = new Float64Array(LOW * LOW)
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0
      for (let y = 0; y < PHASH_SIZE; y++) sum += rows[y * LOW + u]! * BASIS[v]![y]!
      out[v * LOW + u] = sum
    }
  }
  return out
}

/**
 * Hash of a 32x32 8-bit grayscale frame as 16 lowercase hex digits. A bit is set where a low-frequency coefficient is
 * above the median of the 63 non-DC ones; DC (overall brightness) is left out of the median so a brighter copy hashes
 * the same.
 */
export function phash(gray: Uint8Array): string {
  const coefficients = lowFrequencies(gray)
  const ac = Array.from(coefficients.subarray(1)).sort((a, b) => a - b)
  const median = (ac[31]! + ac[32]!) / 2
  let hex = ''
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (coefficients[nibble * 4 + bit]! > median ? 1 : 0)
    hex += value.toString(16)
  }
  return hex
}

export const isPhash = (value: string): boolean => /^[0-9a-f]{16}$/.test(value)

/** Number of differing bits between two hashes. */
export function hammingDistance(a: string, b: string): number {
  if (!isPhash(a) || !isPhash(b)) throw new RangeError(`expected two 16-hex-digit hashes, got "${a}" and "${b}"`)
  let distance = 0
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0
    while (x) { x &= x - 1; distance++ }
  }
  return distance
}
