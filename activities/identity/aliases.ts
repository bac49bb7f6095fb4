/** One spelling of a name for the alias index: case, accents, punctuation and spacing do not make a new alias. */
export const normaliseAlias = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
