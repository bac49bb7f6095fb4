/** Countries (ISO 3166-1 alpha-2) and the regions (ISO 3166-2) we tell apart, as data. Pure. */
import { IDENTITY_ERRORS, IdentityError } from './errors.ts'

// Every officially assigned ISO 3166-1 alpha-2 code (249, as in Debian iso-codes 4.15), by first letter.
const ISO_COUNTRIES = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
  'DE DJ DK DM DO DZ',
  'EC EE EG EH ER ES ET',
  'FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
  'HK HM HN HR HT HU',
  'ID IE IL IM IN IO IQ IR IS IT',
  'JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ',
  'LA LB LC LI LK LR LS LT LU LV LY',
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ',
  'OM',
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
  'QA',
  'RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
  'UA UG UM US UY UZ',
  'VA VC VE VG VI VN VU',
  'WF WS',
  'YE YT',
  'ZA ZM ZW',
].join(' ').split(' ')

// Kosovo has no ISO code; XK (user-assigned) is what the EU, the IMF and geo-IP providers send for it.
const USER_ASSIGNED = ['XK']

/** Every country code we accept. */
export const COUNTRIES: ReadonlySet<string> = new Set([...ISO_COUNTRIES, ...USER_ASSIGNED])

const codes = (country: string, list: string) => list.split(' ').map((c) => `${country}-${c}`)

/** The ISO 3166-2 subdivisions of the countries whose rules differ by region (or that must accept one). */
export const REGIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  // 50 states, DC, and the outlying areas that also have their own country code (AS GU MP PR UM VI)
  US: new Set(codes('US', 'AK AL AR AS AZ CA CO CT DC DE FL GA GU HI IA ID IL IN KS KY LA MA MD ME MI MN MO MP MS MT '
    + 'NC ND NE NH NJ NM NV NY OH OK OR PA PR RI SC SD TN TX UM UT VA VI VT WA WI WV WY')),
  CA: new Set(codes('CA', 'AB BC MB NB NL NS NT NU ON PE QC SK YT')),
  // the four nations; the Online Safety Act applies UK-wide, so these only need to be accepted
  GB: new Set(codes('GB', 'ENG NIR SCT WLS')),
  UA: new Set(codes('UA', '05 07 09 12 14 18 21 23 26 30 32 35 40 43 46 48 51 53 56 59 61 63 65 68 71 74 77')),
  AU: new Set(codes('AU', 'ACT NSW NT QLD SA TAS VIC WA')),
}

/** An upper-cased, known country code; throws UNKNOWN_COUNTRY. */
export function assertCountry(country: string): string {
  const code = country.trim().toUpperCase()
  if (!COUNTRIES.has(code)) throw new IdentityError(IDENTITY_ERRORS.UNKNOWN_COUNTRY, 'unknown country code')
  return code
}

/**
 * The ISO 3166-2 code of a region of `country` ('TX' or 'US-TX' -> 'US-TX'); throws UNKNOWN_REGION.
 * Countries without a list here accept any well-formed code of their own, since no rule depends on it.
 */
export function assertRegion(country: string, region: string): string {
  const raw = region.trim().toUpperCase()
  const code = raw.includes('-') ? raw : `${country}-${raw}`
  const known = REGIONS[country]
  const ok = known ? known.has(code) : new RegExp(`^${country}-[A-Z0-9]{1,3}$`).test(code)
  if (!ok) throw new IdentityError(IDENTITY_ERRORS.UNKNOWN_REGION, `unknown region of ${country}`)
  return code
}
