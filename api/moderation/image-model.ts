/**
 * The image half of the moderation endpoint: nsfwjs (MobileNetV2, bundled in the package, so no download) on
 * TensorFlow.js's wasm backend, plus JPEG decoding and the 32x32 grayscale frame the perceptual hash is taken from.
 *
 * What nsfwjs can and cannot see: it tells drawings, hentai, neutral, porn and "sexy" pictures apart. It cannot judge
 * age, consent or violence. On this endpoint `sexual/minors`, `violence` and `illicit` for images come only from
 * block-list matches (and from the text of titles, captions and tags); a human moderator remains the check for those.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import jpeg from 'jpeg-js'
import type * as Nsfwjs from 'nsfwjs'
import { PHASH_SIZE } from '../../domain/media/phash.ts'
import type { Category } from '../../domain/moderation/categories.ts'

export const NSFW_CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const
export type NsfwScores = Record<(typeof NSFW_CLASSES)[number], number>
/** Decoded pixels, 4 bytes (RGBA) per pixel. */
export type RgbaImage = { width: number; height: number; data: Uint8Array }

export type ImageModel = {
  /** true once the model is loaded and classifies without delay */
  ready(): boolean
  /** loads the model once; later calls return the same promise */
  load(): Promise<void>
  classify(image: RgbaImage): Promise<NsfwScores>
}

/** An image the endpoint refuses (400): not JPEG, corrupt, too large. */
export class ImageInputError extends Error {
  constructor(readonly code: 'unsupported_image_format' | 'invalid_image', message: string) {
    super(message)
  }
}

const MAX_MEGAPIXELS = 40

/** Decodes a JPEG. PNG is refused: no PNG decoder is installed and the media pipeline sends JPEG frames. */
export function decodeImage(mime: string, bytes: Uint8Array): RgbaImage {
  if (mime !== 'image/jpeg' && mime !== 'image/jpg') {
    throw new ImageInputError('unsupported_image_format', `Images must be JPEG (data:image/jpeg;base64,...); got ${mime}.`)
  }
  try {
    return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 512 })
  } catch (err) {
    throw new ImageInputError('invalid_image', `The image could not be decoded as JPEG: ${(err as Error).message}`)
  }
}

/** BT.601 luma, averaged over each of 32x32 equal areas of the picture: the input of the perceptual hash. */
export function grayscale32({ width, height, data }: RgbaImage): Uint8Array {
  const out = new Uint8Array(PHASH_SIZE * PHASH_SIZE)
  for (let ty = 0; ty < PHASH_SIZE; ty++) {
    const y0 = Math.floor((ty * height) / PHASH_SIZE)
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * height) / PHASH_SIZE))
    for (let tx = 0; tx < PHASH_SIZE; tx++) {
      const x0 = Math.floor((tx * width) / PHASH_SIZE)
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * width) / PHASH_SIZE))
      let sum = 0
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * width + x) * 4
          sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!
        }
      }
      out[ty * PHASH_SIZE + tx] = Math.round(sum / ((y1 - y0) * (x1 - x0)))
    }
  }
  return out
}

/** nsfwjs classes as OpenAI category scores: only `sexual`, which the platform does not act on by default. */
export const nsfwCategoryScores = (n: NsfwScores): Partial<Record<Category, number>> =>
  ({ sexual: Math.min(1, n.Porn + n.Hentai + 0.5 * n.Sexy) })

const INPUT_SIZE = 224 // MobileNetV2's input

/** nsfwjs on the wasm backend, loaded lazily once (about 1 s); the wasm binaries are read from the installed package. */
export function createNsfwModel(): ImageModel {
  let model: Nsfwjs.NSFWJS | null = null
  let loading: Promise<void> | null = null
  const load = async () => {
    const require = createRequire(import.meta.url)
    const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))
    setWasmPaths(`${dist}${path.sep}`)
    tf.enableProdMode()
    if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js wasm backend failed to start')
    // imported by resolved file URL: through a bare specifier, tsx runs its ~10 MB of bundled weights through
    // esbuild, which made loading take 10-20 s instead of about 1 s
    const esm = path.join(path.dirname(require.resolve('nsfwjs')), '..', 'esm', 'index.js')
    const nsfwjs = (await import(pathToFileURL(esm).href)) as typeof Nsfwjs
    // nsfwjs announces the bundled model with console.info; stdout carries the JSON log, so it is held back
    const info = console.info
    console.info = () => undefined
    try {
      model = await nsfwjs.load('MobileNetV2')
    } finally {
      console.info = info
    }
  }
  return {
    ready: () => model !== null,
    load() {
      // a failed load is retried by the next caller, not cached
      loading ??= load().catch((err: unknown) => { loading = null; throw err })
      return loading
    },
    async classify({ width, height, data }) {
      await this.load()
      const input = tf.tidy(() => {
        const rgba = tf.tensor3d(data, [height, width, 4], 'int32')
        const rgb = tf.slice(rgba, [0, 0, 0], [height, width, 3])
        return tf.image.resizeBilinear(rgb as tf.Tensor3D, [INPUT_SIZE, INPUT_SIZE], true)
      })
      try {
        const predictions = await model!.classify(input, NSFW_CLASSES.length)
        const scores = Object.fromEntries(NSFW_CLASSES.map((c) => [c, 0])) as NsfwScores
        for (const p of predictions) scores[p.className as keyof NsfwScores] = p.probability
        return scores
      } finally {
        input.dispose()
      }
    },
  }
}
