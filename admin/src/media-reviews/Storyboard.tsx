import { useEffect, useState } from 'react'
import { Box, ButtonBase, Stack, Typography } from '@mui/material'
import { formatDuration } from './format'
import type { SpriteCue } from './sprite-vtt'
import { parseSpriteVtt } from './sprite-vtt'

type Props = { spriteUrl: string | null; spriteVttUrl: string | null; thumbnailUrl: string | null; onSeek: (seconds: number) => void }

const TILE_WIDTH = 112
// a long video has hundreds of cues; a strip of at most this many tiles still shows the whole arc at a glance
const MAX_TILES = 60

/**
 * The storyboard as a strip of tiles cut from the sprite by its VTT; a click seeks the preview there.
 * When the VTT cannot be read (no sprite yet, no CORS on the link) the thumbnail stands in.
 */
export function Storyboard({ spriteUrl, spriteVttUrl, thumbnailUrl, onSeek }: Props) {
  const [cues, setCues] = useState<SpriteCue[] | null>(null)
  useEffect(() => {
    setCues(null)
    if (!spriteUrl || !spriteVttUrl) return
    let active = true
    fetch(spriteVttUrl, { cache: 'no-store' })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((text) => active && setCues(parseSpriteVtt(text)), () => active && setCues([]))
    return () => {
      active = false
    }
  }, [spriteUrl, spriteVttUrl])

  if (!spriteUrl || !cues?.length) {
    if (!thumbnailUrl) return null
    return <Box component="img" src={thumbnailUrl} alt="Thumbnail" data-testid="media-thumbnail" sx={{ maxWidth: 240, borderRadius: 1, display: 'block' }} />
  }
  const spriteWidth = Math.max(...cues.map((c) => c.x + c.w))
  const spriteHeight = Math.max(...cues.map((c) => c.y + c.h))
  const step = Math.ceil(cues.length / MAX_TILES)
  const shown = cues.filter((_, i) => i % step === 0)
  return (
    <Stack direction="row" spacing={0.5} sx={{ overflowX: 'auto', pb: 1 }} role="group" aria-label="Storyboard" data-testid="storyboard">
      {shown.map((cue) => {
        const scale = TILE_WIDTH / cue.w
        return (
          <ButtonBase key={cue.start} onClick={() => onSeek(cue.start)} aria-label={`Seek to ${formatDuration(cue.start)}`}
            sx={{ flexDirection: 'column', flexShrink: 0, borderRadius: 0.5, '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}>
            <Box sx={{
              width: TILE_WIDTH, height: Math.round(cue.h * scale), backgroundImage: `url("${spriteUrl}")`, backgroundRepeat: 'no-repeat',
              backgroundSize: `${spriteWidth * scale}px ${spriteHeight * scale}px`, backgroundPosition: `-${cue.x * scale}px -${cue.y * scale}px`,
            }} />
            <Typography variant="caption" color="text.secondary">{formatDuration(cue.start)}</Typography>
          </ButtonBase>
        )
      })}
    </Stack>
  )
}
