/** Indirect tax on digital services by the fan's jurisdiction (tax-inclusive prices). Rates as data, in bps. */
export const TAX_RATES_BPS: Readonly<Record<string, number>> = Object.freeze({
  AT: 2000, BE: 2100, DE: 1900, DK: 2500, ES: 2100, FI: 2550, FR: 2000, IE: 2300, IT: 2200, NL: 2100, PL: 2300,
  PT: 2300, SE: 2500, GB: 2000, NO: 2500, CH: 810, AU: 1000, NZ: 1500, CA: 500, JP: 1000,
  // US: digital-goods sales tax varies by state; states that tax them are listed by region
  US: 0, 'US-NY': 400, 'US-PA': 600, 'US-TX': 625, 'US-WA': 650,
})

/** The rate for a jurisdiction: the region's own when listed, else its country's, else 0. */
export function taxRateBps(jurisdiction: string): number {
  const code = jurisdiction.toUpperCase()
  return TAX_RATES_BPS[code] ?? TAX_RATES_BPS[code.split('-')[0] ?? ''] ?? 0
}

export const isKnownJurisdiction = (jurisdiction: string): boolean =>
  /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(jurisdiction.toUpperCase()) && jurisdiction.toUpperCase().split('-')[0]! in TAX_RATES_BPS
