import { useEffect, useRef, useState } from 'react'

type HlsVideoProps = { src: string; poster: string | null; onReload: () => void }

const HLS_MIME = 'application/vnd.apple.mpegurl'

/** The HLS player: hls.js where the browser has Media Source Extensions, the browser's own HLS (Safari) otherwise. */
export function HlsVideo({ src, poster, onReload }: HlsVideoProps) {
  const video = useRef<HTMLVideoElement>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    const element = video.current
    if (!element) return
    setFailure(null)
    let destroy = () => {}
    let cancelled = false
    // loaded on demand: only fans who may watch download the player
    import('hls.js/light').then(({ default: Hls }) => {
      if (cancelled) return
      if (!Hls.isSupported()) {
        if (element.canPlayType(HLS_MIME)) element.src = src
        else setFailure('This browser cannot play streaming video. Try a current version of Chrome, Firefox, Edge or Safari.')
        return
      }
      const hls = new Hls()
      let recovered = false
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
          recovered = true
          return hls.recoverMediaError()
        }
        // an expired or refused playlist link: the page fetches a fresh one on Reload
        setFailure('Playback stopped: the video could not be loaded.')
        hls.destroy()
      })
      hls.loadSource(src)
      hls.attachMedia(element)
      destroy = () => hls.destroy()
    }, () => {
      if (!cancelled) setFailure('The video player could not be loaded. Check your connection and reload.')
    })
    return () => {
      cancelled = true
      destroy()
    }
  }, [src])

  return (
    <div className="media-player" data-testid="media-player">
      <video ref={video} aria-label="Video player" controls playsInline preload="metadata" poster={poster ?? undefined} data-testid="media-video" />
      {failure && (
        <div className="form-error" role="alert" data-testid="media-player-error">
          {failure}{' '}
          <button type="button" className="link-button" onClick={onReload} data-testid="media-player-reload">Reload video</button>
        </div>
      )}
    </div>
  )
}
