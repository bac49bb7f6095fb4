// hls.js ships its light build (no subtitles, alternate audio or DRM, which VOD playback here does not use) without types
declare module 'hls.js/light' {
  export { default } from 'hls.js'
}
