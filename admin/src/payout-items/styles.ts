/** Provider refs, failure codes: ids a person compares character by character. */
export const mono = { fontFamily: 'monospace', fontSize: '0.8rem' } as const
