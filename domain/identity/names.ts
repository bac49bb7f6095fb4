/** Comparing the name a person typed with the name read from their document. Pure. */

/** Lower-case name parts without accents or punctuation: 'Zoë  O’Brien-Smith' -> ['zoe', 'obrien', 'smith']. */
export function nameTokens(name: string): string[] {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/['’`.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * True when the names are the same person's: the same parts in any order, or one has extra parts (middle
 * names) and the other at least two parts, all found in it. A single shared part is never enough.
 */
export function namesMatch(declared: string, onDocument: string): boolean {
  const [a, b] = [new Set(nameTokens(declared)), new Set(nameTokens(onDocument))]
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a]
  if (shorter.size === 0) return false
  if (shorter.size === 1 && longer.size > 1) return false
  return [...shorter].every((t) => longer.has(t))
}
