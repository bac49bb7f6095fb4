/** The lookup behind every rail's code -> failure table. */

/**
 * A lookup of a provider's code in a table of our failures, `fallback` for a code the table does not list. Only the
 * table's own keys count: a code like 'constructor' or 'toString' must not find Object.prototype's members.
 */
export const failureLookup = <V, F>(table: Readonly<Record<string, V>>, fallback: F) =>
  (code: string | null): V | F => (code !== null && Object.hasOwn(table, code) ? (table[code] as V) : fallback)
