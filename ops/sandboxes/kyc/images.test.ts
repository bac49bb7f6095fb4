import assert from 'node:assert/strict'
import { crc32, inflateSync } from 'node:zlib'
import { captures, documentPng, selfieJpeg } from './images.ts'

/** Walks the PNG chunks, checking each CRC, and returns them by type. */
function pngChunks(png: Buffer): Map<string, Buffer> {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const chunks = new Map<string, Buffer>()
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    const typeAndData = png.subarray(at + 4, at + 8 + length)
    assert.equal(png.readUInt32BE(at + 8 + length), crc32(typeAndData), 'chunk CRC')
    chunks.set(typeAndData.subarray(0, 4).toString('ascii'), typeAndData.subarray(4))
    at += 12 + length
  }
  return chunks
}

describe('kyc sandbox images', () => {
  it('draws a valid truecolour PNG whose pixels decode to its declared size', () => {
    const chunks = pngChunks(documentPng('seed', 48, 30))
    const header = chunks.get('IHDR')
    assert.ok(header && chunks.has('IEND'))
    assert.deepEqual([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]], [48, 30, 8, 2])
    const pixels = inflateSync(chunks.get('IDAT') ?? Buffer.alloc(0))
    assert.equal(pixels.length, 30 * (1 + 48 * 3))
    // row 10, pixel 5 is inside the photo box: ink colour
    assert.deepEqual([...pixels.subarray(10 * 145 + 1 + 5 * 3, 10 * 145 + 1 + 6 * 3)], [40, 40, 60])
  })

  it('draws different documents for different seeds and the same for the same seed', () => {
    assert.notDeepEqual(documentPng('session-a:front'), documentPng('session-b:front'))
    assert.deepEqual(documentPng('session-a:front'), documentPng('session-a:front'))
  })

  it('has a complete JPEG selfie (SOI, JFIF, SOF0, EOI)', () => {
    const jpeg = selfieJpeg()
    assert.deepEqual([...jpeg.subarray(0, 2), ...jpeg.subarray(-2)], [0xff, 0xd8, 0xff, 0xd9])
    assert.equal(jpeg.subarray(6, 10).toString('ascii'), 'JFIF')
    assert.ok(jpeg.includes(Buffer.from([0xff, 0xc0])), 'baseline frame header')
  })

  it('captures document front and back as PNG and the face as JPEG', () => {
    assert.deepEqual(captures('s').map((c) => [c.context, c.mimetype]),
      [['document-front', 'image/png'], ['document-back', 'image/png'], ['face', 'image/jpeg']])
  })
})
