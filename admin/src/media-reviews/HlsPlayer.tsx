import type { RefObject } from 'react'
import { useEffect, useState } from 'react'
import { Alert, Box } from '@mui/material'

type Props = { src: string | null; poster?: string | null; videoRef: RefObject<HTMLVideoElement | null> }

/**
 * The staff preview: hls.js on a plain <video controls> (loaded on demand, so the back office's main chunk stays
 * small), the browser's own HLS where hls.js cannot run (Safari on iOS), and a message when neither can.
 */
export function HlsPlayer({ src, poster, videoRef }: Props) {
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const video = videoRef.current
    if (!video || !src) return
    setError(null)
    let cancelled = false
    let destroy = () => {}
    import('hls.js').then(({ default: Hls }) => {
      if (cancelled) return
      if (!Hls.isSupported()) {
        if (video.canPlayType('application/vnd.apple.mpegurl')) video.src = src
        else setError('This browser cannot play HLS video.')
        return
      }
      const hls = new Hls({ enableWorker: true })
      let mediaRecoveries = 0
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return
        // a decoder hiccup is recovered once; a fatal network error comes after hls.js's own retries (an expired link, mostly)
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries++ < 1) hls.recoverMediaError()
        else setError(`The preview stopped: ${data.details}${data.response?.code ? ` (HTTP ${data.response.code})` : ''}. Reload the page for a fresh link.`)
      })
      hls.loadSource(src)
      hls.attachMedia(video)
      destroy = () => hls.destroy()
    }, () => !cancelled && setError('The video player could not be loaded.'))
    return () => {
      cancelled = true
      destroy()
      video.removeAttribute('src')
      video.load()
    }
  }, [src, videoRef])

  return (
    <Box>
      <Box component="video" ref={videoRef} controls preload="metadata" playsInline poster={poster ?? undefined} aria-label="Preview player"
        data-testid="preview-player" data-src={src ?? ''}
        sx={{ width: '100%', maxHeight: '60vh', bgcolor: 'common.black', borderRadius: 1, display: 'block' }} />
      {!src && <Alert severity="info" sx={{ mt: 1 }} data-testid="preview-missing">No preview yet: the renditions are not ready.</Alert>}
      {error && <Alert severity="warning" sx={{ mt: 1 }} data-testid="preview-error">{error}</Alert>}
    </Box>
  )
}
