/** Demo data: the nine brands and one demo user per role. Idempotent: safe to run on every start. */
import { hash } from '@node-rs/argon2'
import { BRANDS } from '../domain/brands.ts'
import { DEMO_FX_RATES, DEMO_PASSWORD, DEMO_POSTS, DEMO_USERS } from './demo-users.ts'
import { createDb } from './client.ts'
import { DEMO_CUSTODIAN, MODEL_RELEASE, modelReleaseSha256 } from './model-release.ts'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is required to seed')
const db = createDb(url, { max: 2 })

const brandIds = new Map<string, string>()
for (const b of Object.values(BRANDS)) {
  const data = { name: b.name, tagline: b.tagline, primaryColor: b.tokens.primary, strictAgeGate: b.policy.strictAgeGate }
  const row = await db.brand.upsert({ where: { slug: b.slug }, update: data, create: { slug: b.slug, ...data } })
  brandIds.set(b.slug, row.id)
}

const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 }) // 2 = argon2id
for (const u of DEMO_USERS) {
  const existing = await db.person.findUnique({ where: { email: u.email } })
  if (existing) continue
  await db.person.create({ data: {
    email: u.email, displayName: u.displayName, passwordHash, emailVerifiedAt: new Date(),
    roleGrants: { create: u.roles.map((r) => ({ role: r.role, brandId: r.brand ? brandIds.get(r.brand) : null })) },
    personas: { create: u.personas.map((p) => ({ kind: p.kind, handle: p.handle, brandId: brandIds.get(p.brand)! })) },
  } })
}
// Demo PPV posts by the demo creator on BoyFanz.
const creator = await db.person.findUniqueOrThrow({ where: { email: 'creator@fanz.demo' } })
for (const p of DEMO_POSTS) {
  const exists = await db.post.findFirst({ where: { creatorId: creator.id, title: p.title } })
  if (!exists) await db.post.create({ data: { ...p, creatorId: creator.id, brandId: brandIds.get('boyfanz')! } })
}
// The demo creator's subscription plan on BoyFanz and a welcome code; left as they are once created (the creator may edit them).
const plan = await db.subscriptionPlan.upsert({ where: { creatorId_brand: { creatorId: creator.id, brand: 'boyfanz' } }, update: {}, create: {
  creatorId: creator.id, brand: 'boyfanz', name: 'Rex Club', currency: 'USD', trialDays: 0,
  tiers: [{ id: 'basic', rank: 1, name: 'Basic', monthlyPrice: 999 }, { id: 'vip', rank: 2, name: 'VIP', monthlyPrice: 1999 }],
  bundles: [{ months: 3, discountBps: 1000 }, { months: 6, discountBps: 1500 }, { months: 12, discountBps: 2000 }] } })
await db.promoCode.upsert({ where: { planId_code: { planId: plan.id, code: 'WELCOME10' } }, update: {}, create: {
  planId: plan.id, code: 'WELCOME10', discount: { kind: 'percent', bps: 1000 }, cycles: 1, maxRedemptions: 1000, oncePerFan: true,
  validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: null } })
for (const r of DEMO_FX_RATES) {
  const key = { base: r.base, quote: r.quote, asOf: new Date(`${r.asOf}T00:00:00Z`) }
  await db.fxRate.upsert({ where: { base_quote_asOf: key }, update: {}, create: { ...key, rate: r.rate, source: r.source } })
}
// The model release creators sign, and a custodian of records for each brand (28 CFR 75.4).
await db.modelReleaseVersion.upsert({ where: { version: MODEL_RELEASE.version }, update: {},
  create: { version: MODEL_RELEASE.version, body: MODEL_RELEASE.body, sha256: modelReleaseSha256(), effectiveAt: new Date(MODEL_RELEASE.effectiveAt) } })
for (const brandId of brandIds.values()) {
  await db.recordsCustodian.upsert({ where: { brandId }, update: {}, create: { brandId, ...DEMO_CUSTODIAN } })
}
// Collectibles: every brand but TabooFanz (its content policy keeps it off public chains); settings staff change stay as they are.
for (const slug of brandIds.keys()) {
  await db.collectibleSetting.upsert({ where: { brand: slug }, update: {}, create: { brand: slug, enabled: slug !== 'taboofanz' } })
}
await db.$disconnect()
console.log(`seeded ${brandIds.size} brands and ${DEMO_USERS.length} demo users`)
