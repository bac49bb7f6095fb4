/** Small stand-in captures for the hosted flow: PNG document sides drawn per session, a JPEG selfie. No network. */
import { crc32, deflateSync } from 'node:zlib'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** Three colours from a seed, so each session's document images differ and a mixed-up download shows. */
type Rgb = [number, number, number]
function palette(seed: string): [Rgb, Rgb, Rgb] {
  const h = crc32(seed)
  return [[h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], [245, 245, 240], [40, 40, 60]]
}

/** An ID-card-like RGB PNG: a coloured band, a photo box and text lines, 48x30 pixels. */
export function documentPng(seed: string, width = 48, height = 30): Buffer {
  const [band, paper, ink] = palette(seed)
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3) // leading 0: filter type None
    for (let x = 0; x < width; x++) {
      const inPhoto = x >= 3 && x < 15 && y >= 9 && y < 26
      const onLine = x >= 18 && x < width - 3 && (y === 12 || y === 16 || y === 20)
      const colour = y < 6 ? band : inPhoto || onLine ? ink : paper
      row.set(colour, 1 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

// a 16x16 skin-tone baseline JPEG (JFIF), encoded once with ffmpeg; writing a JPEG encoder for a stand-in selfie is not worth it
const SELFIE_JPEG_BASE64 = '/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgoKC8oLzc3Nzc3N0E8QUNDQ0FBQUFDQ0NISEhVVVVISEhDQ0hIUF'
  + 'BVVVxfXFdXVVdfX2RkZHh4c3OMjJGsrM//xABLAAEBAAAAAAAAAAAAAAAAAAAABgEBAAAAAAAAAAAAAAAAAAAABRABAAAAAAAAAAAAAAAAAAAAABEBAAAAAAAAAAAA'
  + 'AAAAAAAAAP/AABEIABAAEAMBIgACEQADEQD/2gAMAwEAAhEDEQA/AKgAKXf/2Q=='

/** The selfie every sandbox session captures. */
export const selfieJpeg = (): Buffer => Buffer.from(SELFIE_JPEG_BASE64, 'base64')

/** The captures of one attempt, with Veriff's media context labels. */
export function captures(seed: string): { context: string; mimetype: string; bytes: Buffer }[] {
  return [
    { context: 'document-front', mimetype: 'image/png', bytes: documentPng(`${seed}:front`) },
    { context: 'document-back', mimetype: 'image/png', bytes: documentPng(`${seed}:back`) },
    { context: 'face', mimetype: 'image/jpeg', bytes: selfieJpeg() },
  ]
}
