/**
 * HLS playlists as we serve them: every URI of a stored playlist is checked to stay inside the item's folder, then
 * (media playlists) replaced by a signed URL. A tampered playlist object must not make us sign any other key.
 */
import { CodedError } from '../coded-error.ts'

export const PLAYLIST_ERRORS = { notPlaylist: 'NOT_A_PLAYLIST', unsafeUri: 'UNSAFE_PLAYLIST_URI' } as const
export type PlaylistErrorCode = (typeof PLAYLIST_ERRORS)[keyof typeof PLAYLIST_ERRORS]

export class PlaylistError extends CodedError<PlaylistErrorCode> {}

// what our packager writes: relative paths of plain names (seg_00001.ts, 720p/index.m3u8); no dot-names, no query
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
// URI="..." at an attribute boundary: EXT-X-MAP, EXT-X-KEY, EXT-X-MEDIA, EXT-X-I-FRAME-STREAM-INF, EXT-X-PART ...
const URI_ATTRIBUTE = /([:,]\s*URI\s*=\s*")([^"]*)(")/g

/** A relative URI that resolves inside the playlist's folder; anything else (`..`, `/abs`, `https:`, `%2e`) throws. */
export function checkPlaylistUri(uri: string): string {
  const parts = uri.split('/')
  if (parts.length > 4 || !parts.every((p) => SAFE_SEGMENT.test(p))) {
    throw new PlaylistError(PLAYLIST_ERRORS.unsafeUri, `Playlist URI ${JSON.stringify(uri.slice(0, 80))} leaves the item's folder.`)
  }
  return uri
}

function linesOf(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trim() !== '#EXTM3U') throw new PlaylistError(PLAYLIST_ERRORS.notPlaylist, 'The stored object is not an HLS playlist.')
  return lines
}

const isUriLine = (line: string) => line.trim() !== '' && !line.startsWith('#')

/** Every URI of a playlist (URI lines and URI="..." attributes), in order, each checked by checkPlaylistUri. */
export function playlistUris(text: string): string[] {
  const uris: string[] = []
  for (const line of linesOf(text)) {
    if (isUriLine(line)) uris.push(checkPlaylistUri(line.trim()))
    else if (line.startsWith('#EXT')) for (const m of line.matchAll(URI_ATTRIBUTE)) uris.push(checkPlaylistUri(m[2]!))
  }
  return uris
}

/** A media playlist with every URI replaced by `urlFor(uri)`; tags, comments and blank lines stay as they were. */
export function rewriteMediaPlaylist(text: string, urlFor: (uri: string) => string): string {
  return linesOf(text).map((line) => {
    if (isUriLine(line)) return urlFor(checkPlaylistUri(line.trim()))
    if (!line.startsWith('#EXT')) return line
    return line.replace(URI_ATTRIBUTE, (_all, open: string, uri: string, close: string) => `${open}${urlFor(checkPlaylistUri(uri))}${close}`)
  }).join('\n')
}

/**
 * A master playlist, URIs checked and left relative: the token sits in the playlist URL's path, so `720p/index.m3u8`
 * resolves to the token-bearing rendition route without rewriting.
 */
export function rewriteMasterPlaylist(text: string): string {
  return rewriteMediaPlaylist(text, (uri) => uri)
}
