import assert from 'node:assert/strict'
import { PLAYLIST_ERRORS, PlaylistError, playlistUris, rewriteMasterPlaylist, rewriteMediaPlaylist, type PlaylistErrorCode } from './playlist.ts'

const MEDIA = [
  '#EXTM3U',
  '#EXT-X-VERSION:7',
  '#EXT-X-TARGETDURATION:6',
  '#EXT-X-PLAYLIST-TYPE:VOD',
  '#EXT-X-MAP:URI="init.mp4",BYTERANGE="720@0"',
  '#EXT-X-KEY:METHOD=AES-128,URI="key.bin",IV=0x00000000000000000000000000000001',
  '# packaged by ffmpeg',
  '#EXTINF:6.000000,',
  'seg_00001.ts',
  '',
  '#EXTINF:4.250000,',
  'seg_00002.ts',
  '#EXT-X-ENDLIST',
  '',
].join('\n')

const MASTER = [
  '#EXTM3U',
  '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"',
  '360p/index.m3u8',
  '#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720',
  '720p/index.m3u8',
  '#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=86000,URI="720p/iframes.m3u8"',
].join('\n')

const sign = (uri: string) => `https://s3.test/fanz-media/media/m1/hls/720p/${uri}?X-Amz-Signature=abc`
const refusedWith = (code: PlaylistErrorCode) => (err: unknown) => err instanceof PlaylistError && err.code === code

describe('HLS playlists', () => {
  it('rewrites every URI line and URI attribute of a media playlist, leaving tags, comments and blank lines alone', () => {
    const out = rewriteMediaPlaylist(MEDIA, sign).split('\n')
    const src = MEDIA.split('\n')
    assert.equal(out.length, src.length)
    assert.equal(out[4], `#EXT-X-MAP:URI="${sign('init.mp4')}",BYTERANGE="720@0"`)
    assert.equal(out[5], `#EXT-X-KEY:METHOD=AES-128,URI="${sign('key.bin')}",IV=0x00000000000000000000000000000001`)
    assert.equal(out[8], sign('seg_00001.ts'))
    assert.equal(out[11], sign('seg_00002.ts'))
    for (const i of [0, 1, 2, 3, 6, 7, 9, 10, 12, 13]) assert.equal(out[i], src[i], `line ${i} kept`)
  })

  it('lists the URIs to sign, in order', () => {
    assert.deepEqual(playlistUris(MEDIA), ['init.mp4', 'key.bin', 'seg_00001.ts', 'seg_00002.ts'])
    assert.deepEqual(playlistUris(MASTER), ['360p/index.m3u8', '720p/index.m3u8', '720p/iframes.m3u8'])
  })

  it('reads CRLF playlists and a byte-order mark', () => {
    assert.deepEqual(playlistUris(`\uFEFF${MEDIA.replace(/\n/g, '\r\n')}`), ['init.mp4', 'key.bin', 'seg_00001.ts', 'seg_00002.ts'])
  })

  it('keeps master playlist URIs relative (the token is in the path they resolve against)', () => {
    assert.equal(rewriteMasterPlaylist(MASTER), MASTER)
  })

  const unsafe: [string, string][] = [
    ['a parent folder', '../other-item/hls/720p/seg_00001.ts'],
    ['a parent folder deeper down', '720p/../../x.ts'],
    ['an absolute path', '/media/other/hls/master.m3u8'],
    ['a scheme', 'https://evil.example/seg.ts'],
    ['a protocol-relative URL', '//evil.example/seg.ts'],
    ['a data URI', 'data:text/plain,hi'],
    ['an encoded parent folder', '%2e%2e/seg.ts'],
    ['a query string', 'seg_00001.ts?X-Amz-Credential=x'],
    ['a backslash', '..\\seg.ts'],
    ['a hidden name', '.env'],
  ]
  for (const [what, uri] of unsafe) {
    it(`refuses ${what} as a URI line and as a URI attribute`, () => {
      const line = MEDIA.replace('seg_00002.ts', uri)
      assert.throws(() => rewriteMediaPlaylist(line, sign), refusedWith(PLAYLIST_ERRORS.unsafeUri))
      assert.throws(() => playlistUris(line), refusedWith(PLAYLIST_ERRORS.unsafeUri))
      const attribute = MEDIA.replace('URI="init.mp4"', `URI="${uri}"`)
      assert.throws(() => rewriteMediaPlaylist(attribute, sign), refusedWith(PLAYLIST_ERRORS.unsafeUri))
      assert.throws(() => rewriteMasterPlaylist(MASTER.replace('720p/index.m3u8', uri)), refusedWith(PLAYLIST_ERRORS.unsafeUri))
    })
  }

  it('checks a URI attribute written with spaces around it (players accept those too)', () => {
    const spaced = MEDIA.replace('METHOD=AES-128,URI="key.bin"', 'METHOD=AES-128, URI = "../../secret.bin"')
    assert.throws(() => playlistUris(spaced), refusedWith(PLAYLIST_ERRORS.unsafeUri))
  })

  it('refuses an object that is not a playlist', () => {
    assert.throws(() => rewriteMediaPlaylist('<html>oops</html>', sign), refusedWith(PLAYLIST_ERRORS.notPlaylist))
    assert.throws(() => playlistUris(''), refusedWith(PLAYLIST_ERRORS.notPlaylist))
  })
})
