/** Which minimum age and which age assurance apply to a person in a place at a moment. Pure: callers pass `at`. */
import { z } from 'zod'
import { AGE_RULES, ASSURANCE, DEFAULT_AGE_RULE, type AgeRule, type Assurance } from './age-rules.ts'
import { EARLIEST_ZONE_MINUTES, calendarDateAt, formatIsoDate, isoDate } from './calendar.ts'
import { IDENTITY_ERRORS, IdentityError } from './errors.ts'
import { REGIONS, assertCountry, assertRegion } from './jurisdictions.ts'

/** What a caller asks: a country, maybe a region, and the moment. */
export const agePolicyQuerySchema = z.object({
  country: z.string().min(2).max(3),
  region: z.string().min(1).max(10).optional(),
  at: z.date(),
})
/** A query resolveAgePolicy accepts. */
export type AgePolicyQuery = z.infer<typeof agePolicyQuerySchema>

/** The policy, with the ids and legal sources of the rows it came from (kept on the KYC case for audit). */
export type AgePolicy = { minimumAge: number; assurance: Assurance; ruleId: string; source: string }

type Field = 'minimumAge' | 'assurance'
type Rule = Pick<AgeRule, 'id' | 'source' | Field>

// Rows per place, newest first ('YYYY-MM-DD' sorts as it reads); isoDate proves every date real at load.
const RULES_BY_PLACE = new Map<string, AgeRule[]>()
for (const rule of [...AGE_RULES].sort((a, b) => b.from.localeCompare(a.from))) {
  isoDate(rule.from)
  RULES_BY_PLACE.set(rule.place, [...(RULES_BY_PLACE.get(rule.place) ?? []), rule])
}
// Countries with at least one regional row: without a region we cannot know which applies.
const REGIONAL_COUNTRIES = new Set(AGE_RULES.filter((r) => r.place.includes('-')).map((r) => r.place.slice(0, 2)))

const STRICTNESS: Record<Assurance, number> = { self_declaration: 0, verified_age: 1, blocked: 2 }

/** The newest row in force on `day` that sets `field`, looking at the most specific place first. */
const ruleFor = (places: string[], field: Field, day: string): Rule =>
  places.flatMap((p) => RULES_BY_PLACE.get(p) ?? []).find((r) => r[field] !== undefined && r.from <= day) ?? DEFAULT_AGE_RULE

function compose(age: Rule, assurance: Rule, prefix = ''): AgePolicy {
  const used = [age, assurance].filter((r, i, all) => r !== DEFAULT_AGE_RULE && all.indexOf(r) === i)
  const rows = used.length ? used : [DEFAULT_AGE_RULE]
  return {
    minimumAge: age.minimumAge ?? DEFAULT_AGE_RULE.minimumAge,
    assurance: assurance.assurance ?? DEFAULT_AGE_RULE.assurance,
    ruleId: prefix + rows.map((r) => r.id).join('+'),
    source: rows.map((r) => r.source).join('; '),
  }
}

const policyAt = (places: string[], day: string) => compose(ruleFor(places, 'minimumAge', day), ruleFor(places, 'assurance', day))

// Region unknown in a country whose rules differ by region: the oldest minimum age and the strictest assurance
// of any of its regions, except a regional block, which needs a known region to apply.
function strictestOfRegions(country: string, day: string): AgePolicy {
  const candidates = [...(REGIONS[country] ?? [])].map((region) => [region, country]).concat([[country]])
  const ageOf = (r: Rule) => r.minimumAge ?? DEFAULT_AGE_RULE.minimumAge
  const strictnessOf = (r: Rule) => STRICTNESS[r.assurance ?? DEFAULT_AGE_RULE.assurance]
  const age = candidates.map((places) => ruleFor(places, 'minimumAge', day)).reduce((a, b) => (ageOf(b) > ageOf(a) ? b : a))
  const assurance = candidates.map((places) => ruleFor(places, 'assurance', day))
    .filter((r) => r.assurance !== ASSURANCE.blocked)
    .reduce((a, b) => (strictnessOf(b) > strictnessOf(a) ? b : a), DEFAULT_AGE_RULE)
  return compose(age, assurance, `${country}:strictest-region:`)
}

/** The age policy at `at` for a country and, where rules differ by region, its ISO 3166-2 region. */
export function resolveAgePolicy(query: AgePolicyQuery): AgePolicy {
  const parsed = agePolicyQuerySchema.safeParse(query)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0]
    const code = field === 'at' ? IDENTITY_ERRORS.INVALID_DATE
      : field === 'region' ? IDENTITY_ERRORS.UNKNOWN_REGION : IDENTITY_ERRORS.UNKNOWN_COUNTRY
    throw new IdentityError(code, `invalid ${String(field ?? 'query')}`)
  }
  const country = assertCountry(parsed.data.country)
  // A rule starts when its date first begins anywhere on Earth, so a stricter rule is never applied late.
  const day = formatIsoDate(calendarDateAt(parsed.data.at, EARLIEST_ZONE_MINUTES))
  if (parsed.data.region !== undefined) return policyAt([assertRegion(country, parsed.data.region), country], day)
  return REGIONAL_COUNTRIES.has(country) ? strictestOfRegions(country, day) : policyAt([country], day)
}
