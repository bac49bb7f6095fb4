/** The storyboard's WebVTT: each cue names a tile of the sprite image (`sprite.jpg#xywh=x,y,w,h`) for a time range. */

export type SpriteCue = { start: number; end: number; x: number; y: number; w: number; h: number }

/** '00:01:02.500' or '01:02.500' -> 62.5 */
export function vttSeconds(stamp: string): number {
  return stamp.split(':').reduce((total, part) => total * 60 + Number.parseFloat(part), 0)
}

const TIMING = /^\s*([\d:.]+)\s+-->\s+([\d:.]+)/
const XYWH = /#xywh=(\d+),(\d+),(\d+),(\d+)/

/** The tiles of a sprite VTT in time order; cues without a tile are skipped. */
export function parseSpriteVtt(text: string): SpriteCue[] {
  const lines = text.split(/\r?\n/)
  const cues: SpriteCue[] = []
  lines.forEach((line, i) => {
    const timing = TIMING.exec(line)
    const tile = timing ? XYWH.exec(lines[i + 1] ?? '') : null
    if (!timing || !tile) return
    const [x, y, w, h] = tile.slice(1).map(Number) as [number, number, number, number]
    cues.push({ start: vttSeconds(timing[1] as string), end: vttSeconds(timing[2] as string), x, y, w, h })
  })
  return cues
}
