/**
 * Reads the small XML documents Segpay's ASP.NET web services answer: a One-Click `<TransReturn>`, an SRS
 * `<string>` and an SRS report DataSet (`<Data>` rows of flat elements). Not a general XML parser.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Replaces the five predefined entities and numeric character references. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)))
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

/** The text of the first `<tag>` element (any namespace prefix or attributes), '' for `<tag/>`, null when absent. */
export function elementText(xml: string, tag: string): string | null {
  const m = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`).exec(xml)
  return m ? decodeXmlText((m[1] ?? '').trim()) : null
}

/** Every `<rowTag>` element's child elements as a flat record of texts. */
export function rows(xml: string, rowTag: string): Record<string, string>[] {
  const out: Record<string, string>[] = []
  for (const row of xml.matchAll(new RegExp(`<${rowTag}\\b[^>]*>([\\s\\S]*?)</${rowTag}>`, 'g'))) {
    const record: Record<string, string> = {}
    for (const child of (row[1] ?? '').matchAll(/<([A-Za-z_][\w.-]*)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      record[child[1] ?? ''] = decodeXmlText((child[2] ?? '').trim())
    }
    out.push(record)
  }
  return out
}
