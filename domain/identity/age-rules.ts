/**
 * The age rules as data: who must be how old, and how sure we must be, per country or region from a date.
 * A later row for the same place and field replaces an earlier one. Legal owns this table; review it quarterly.
 * Court injunctions are deliberately not modelled: we verify from a statute's own effective date.
 */
export const ASSURANCE = { selfDeclaration: 'self_declaration', verifiedAge: 'verified_age', blocked: 'blocked' } as const
/** How sure we must be of a person's age, or that we do not serve the place. */
export type Assurance = (typeof ASSURANCE)[keyof typeof ASSURANCE]

/** One row: from `from` (YYYY-MM-DD) on, `place` (country or ISO 3166-2 region) has this minimum age and/or assurance. */
export type AgeRule = { id: string; place: string; from: string; minimumAge?: number; assurance?: Assurance; source: string }

/** Everywhere, unless a row says otherwise: adults only, by self-declaration. */
export const DEFAULT_AGE_RULE = {
  id: 'default-18', minimumAge: 18, assurance: ASSURANCE.selfDeclaration, source: 'Platform policy: 18+ everywhere',
} as const

const LONG_STANDING = '1900-01-01'
const slug = (place: string) => place.toLowerCase()

// The subscription is a contract: where the age of majority is above 18, a younger person cannot validly agree to it.
const majority = (place: string, minimumAge: number, source: string, from = LONG_STANDING): AgeRule =>
  ({ id: `${slug(place)}-majority-${minimumAge}`, place, from, minimumAge, source })

const verified = (place: string, from: string, law: string, source: string): AgeRule =>
  ({ id: `${slug(place)}-av-${law}`, place, from, assurance: ASSURANCE.verifiedAge, source })

// Our card processors and banks are US persons: comprehensively sanctioned places cannot be served (OFAC).
const sanctioned = (place: string, from: string, source: string): AgeRule =>
  ({ id: `${slug(place)}-sanctions`, place, from, assurance: ASSURANCE.blocked, source })

const MINIMUM_AGES: AgeRule[] = [
  majority('US-AL', 19, 'Ala. Code § 26-1-1 (age of majority 19)'),
  majority('US-NE', 19, 'Neb. Rev. Stat. § 43-2101 (minority until 19)'),
  majority('US-MS', 21, 'Miss. Code Ann. § 1-3-27 (minor: under 21)'),
  majority('US-PR', 21, 'Código Civil de Puerto Rico (age of majority 21)'),
  majority('PR', 21, 'Código Civil de Puerto Rico (age of majority 21)'),
  ...['BC', 'NB', 'NL', 'NS', 'NT', 'NU', 'YT'].map((p) => majority(`CA-${p}`, 19, `Age of Majority Act of CA-${p} (19)`)),
  majority('KR', 19, 'Juvenile Protection Act art. 2 (youth: under 19) and Civil Act art. 4'),
  majority('DZ', 19, 'Algerian Civil Code art. 40 (majority 19)'),
  majority('TH', 20, 'Thai Civil and Commercial Code s. 19 (majority 20)'),
  majority('SG', 21, 'IMDA classification: sexual content is R21'),
  majority('EG', 21, 'Egyptian Civil Code art. 44 (majority 21)'),
  majority('JP', 20, 'Japanese Civil Code art. 4 before the 2018 amendment (majority 20)'),
  majority('JP', 18, 'Japanese Civil Code art. 4 as amended by Act No. 59 of 2018 (majority 18)', '2022-04-01'),
  majority('TW', 20, 'Taiwan Civil Code art. 12 before the 2021 amendment (majority 20)'),
  majority('TW', 18, 'Taiwan Civil Code art. 12 as amended in 2021 (majority 18)', '2023-01-01'),
]

const VERIFICATION: AgeRule[] = [
  verified('DE', '2003-04-01', 'jmstv', 'JMStV § 4(2): pornography only in closed user groups (KJM-approved age verification)'),
  verified('FR', '2025-01-11', 'sren', 'Loi n° 2024-449 (SREN) art. 1, Code pénal art. 227-24; Arcom référentiel of Oct 2024'),
  verified('GB', '2025-07-25', 'osa', 'Online Safety Act 2023 Part 3 and Ofcom Protection of Children Codes: fan platforms'
    + ' are Part 3 services (Part 5, own pornographic content, since 2025-01-17)'),
  verified('IT', '2025-11-12', 'caivano', 'D.L. 123/2023 art. 13-bis (Decreto Caivano); AGCOM delibera 96/25/CONS'),
  verified('AU', '2026-03-09', 'osa-codes', 'Online Safety Act 2021: Phase 2 age-restricted material industry codes'),
  verified('US-LA', '2023-01-01', 'act440', 'La. Act 440 of 2022 (HB 142), La. R.S. 9:2800.29'),
  verified('US-UT', '2023-05-03', 'sb287', 'Utah SB 287 (2023), Utah Code 78B-3-1001 et seq.'),
  verified('US-MS', '2023-07-01', 'sb2346', 'Miss. SB 2346 (2023)'),
  verified('US-VA', '2023-07-01', 'sb1515', 'Va. SB 1515 (2023)'),
  // Act 612 took effect 90 days after sine die: sources say 31 Jul or 1 Aug 2023; the earlier day is used
  verified('US-AR', '2023-07-31', 'act612', 'Ark. Act 612 of 2023 (SB 66)'),
  verified('US-TX', '2023-09-01', 'hb1181', 'Tex. HB 1181 (2023), Civ. Prac. & Rem. Code ch. 129B; upheld in FSC v. Paxton (2025)'),
  verified('US-MT', '2024-01-01', 'sb544', 'Mont. SB 544 (2023)'),
  verified('US-NC', '2024-01-01', 'hb8', 'N.C. HB 8, S.L. 2023-73 (PAVE Act)'),
  verified('US-IN', '2024-07-01', 'sb17', 'Ind. SB 17 (2024)'),
  verified('US-ID', '2024-07-01', 'hb498', 'Idaho HB 498 (2024)'),
  verified('US-KS', '2024-07-01', 'sb394', 'Kan. SB 394 (2024)'),
  verified('US-KY', '2024-07-15', 'hb278', 'Ky. HB 278 (2024)'),
  verified('US-NE', '2024-07-19', 'lb1092', 'Neb. LB 1092 (2024), Online Age Verification Liability Act, § 87-1003'),
  verified('US-AL', '2024-10-01', 'hb164', 'Ala. HB 164, Act 2024-97, Ala. Code § 8-19G-3'),
  verified('US-OK', '2024-11-01', 'sb1959', 'Okla. SB 1959 (2024)'),
  verified('US-FL', '2025-01-01', 'hb3', 'Fla. HB 3 (2024), § 501.1737'),
  verified('US-SC', '2025-01-01', 'h3424', 'S.C. H 3424 (2024)'),
  verified('US-TN', '2025-01-01', 'ptma', 'Protect Tennessee Minors Act (SB 1792 / HB 1614, 2024)'),
  verified('US-GA', '2025-07-01', 'sb351', 'Ga. SB 351 (2024)'),
  verified('US-SD', '2025-07-01', 'hb1053', 'S.D. HB 1053 (2025)'),
  verified('US-WY', '2025-07-01', 'hb43', 'Wyo. HB 43 (2025), W.S. 14-3-501 et seq.'),
  verified('US-ND', '2025-08-01', 'hb1561', 'N.D. HB 1561 (2025)'),
  verified('US-AZ', '2025-09-26', 'hb2112', 'Ariz. HB 2112 (2025)'),
  verified('US-OH', '2025-09-30', 'hb96', 'Ohio HB 96 (2025)'),
  verified('US-MO', '2025-11-30', '15csr60-18', 'Mo. 15 CSR 60-18 (Attorney General rule under the Merchandising Practices Act)'),
]

const BLOCKED: AgeRule[] = [
  sanctioned('CU', '1963-07-08', 'Cuban Assets Control Regulations, 31 CFR 515'),
  sanctioned('IR', '1995-05-06', 'Iranian Transactions and Sanctions Regulations, 31 CFR 560'),
  sanctioned('KP', '2016-03-15', 'North Korea Sanctions Regulations, 31 CFR 510; E.O. 13722'),
  sanctioned('SY', '2004-05-11', 'Syrian Sanctions Regulations, 31 CFR 542; E.O. 13338'),
  { id: 'sy-sanctions-lifted', place: 'SY', from: '2025-07-01', assurance: ASSURANCE.selfDeclaration,
    source: 'E.O. 14312 of 30 June 2025 ended the Syria sanctions program on 1 July 2025' },
  sanctioned('UA-43', '2014-12-19', 'Crimea: E.O. 13685'),
  sanctioned('UA-40', '2014-12-19', 'Sevastopol: E.O. 13685'),
  sanctioned('UA-14', '2022-02-21', 'So-called DNR (Donetsk): E.O. 14065'),
  sanctioned('UA-09', '2022-02-21', 'So-called LNR (Luhansk): E.O. 14065'),
]

/** All rows, in no particular order. */
export const AGE_RULES: readonly AgeRule[] = [...MINIMUM_AGES, ...VERIFICATION, ...BLOCKED]
