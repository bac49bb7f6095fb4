/**
 * Search highlights as React-safe pieces. OpenSearch wraps matches in <em>…</em> (or the <mark>…</mark> the index
 * asks for) around HTML-escaped text; the
 * string is never handed to the DOM as HTML: it is split on the markers, the entities decoded, and each piece
 * rendered as a text node, so whatever a creator typed into a title stays text.
 */

export type HighlightPart = { text: string; hit: boolean }

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** '&lt;b&gt; &amp; &#x27;x&#x27;' -> "<b> & 'x'"; unknown or invalid entities stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const OPEN = ['<em>', '<mark>']
const CLOSE = ['</em>', '</mark>']

/** 'Hot <em>yoga</em> class' -> [{ 'Hot ', false }, { 'yoga', true }, { ' class', false }]. */
export function highlightParts(highlight: string): HighlightPart[] {
  const parts: HighlightPart[] = []
  let hit = false
  for (const piece of highlight.split(/(<\/?(?:em|mark)>)/i)) {
    const marker = piece.toLowerCase()
    if (OPEN.includes(marker)) hit = true
    else if (CLOSE.includes(marker)) hit = false
    else if (piece) parts.push({ text: decodeEntities(piece), hit })
  }
  return parts
}

export const plainText = (parts: readonly HighlightPart[]) => parts.map((p) => p.text).join('')
