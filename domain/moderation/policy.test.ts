import assert from 'node:assert/strict'
import { BRANDS, BRAND_SLUGS } from '../brands.ts'
import { MODERATION_CATEGORIES } from './categories.ts'
import { BRAND_DEFAULTS, PLATFORM_DEFAULT, PolicyError, defaultPolicyFor, evaluateModeration, parsePolicyRules,
  type ModerationInput } from './policy.ts'
import { classifyText } from './text-classifier.ts'

const none: ModerationInput = { frames: [], text: {}, blocklistMatches: [] }
const match = { atSeconds: 3, phash: '0123456789abcdef', matched: '0123456789abcdee', distance: 1, category: 'sexual/minors' }
const fromText = (text: string): ModerationInput => {
  const c = classifyText(text)
  return { ...none, text: c.scores, textSignals: c.signals }
}

describe('moderation policy', () => {
  describe('evaluateModeration', () => {
    type Case = [string, ModerationInput, string, 'pass' | 'review' | 'block', string[]]
    const cases: Case[] = [
      ['nothing found', none, 'platform', 'pass', []],
      ['explicit adult frames: sexual is not acted on', { ...none, frames: [{ atSeconds: 1, scores: { sexual: 0.99 } }] }, 'platform', 'pass', []],
      ['ambiguous youth wording alone', fromText('teen 18+ petite'), 'platform', 'pass', []],
      ['the same wording on taboofanz gets a look', fromText('teen 18+ petite'), 'taboofanz', 'review',
        ['sexual/minors 0.19 (title, caption or tags) reaches review 0.10']],
      ['stated minor age blocks', fromText('14yo'), 'platform', 'block', ['sexual/minors 0.95 (title, caption or tags) reaches block 0.60']],
      ['worst frame wins, and says which frame', { ...none, text: { 'violence/graphic': 0.1 },
        frames: [{ atSeconds: 2, scores: { 'violence/graphic': 0.5 } }, { atSeconds: 7.25, scores: { 'violence/graphic': 0.9 } }] },
      'platform', 'block', ['violence/graphic 0.90 (frame at 7.3 s) reaches block 0.85']],
      ['review band', { ...none, frames: [{ atSeconds: 0, scores: { 'violence/graphic': 0.5 } }] }, 'platform', 'review',
        ['violence/graphic 0.50 (frame at 0.0 s) reaches review 0.40']],
      ['"forced" passes the platform threshold', fromText('Forced orgasm'), 'platform', 'pass', []],
      ['"forced" is reviewed on taboofanz (brand limit on non-consent wording)', fromText('Forced orgasm'), 'taboofanz', 'review',
        ['non-consent 0.25 (brand limit on wording) reaches review 0.20']],
      ['stepmom roleplay is fine even on taboofanz', fromText('Stepmom roleplay'), 'taboofanz', 'pass', []],
      ['pup play on pupfanz', fromText('Cute pup play'), 'pupfanz', 'pass', []],
      ['animal wording on pupfanz blocks', fromText('pup play with a dog'), 'pupfanz', 'block',
        ['bestiality 0.60 (brand limit on wording) reaches block 0.60', 'illicit 0.60 (title, caption or tags) reaches review 0.30']],
      ['self-harm is reviewed, never blocked', { ...none, text: { 'self-harm/intent': 1 } }, 'platform', 'review',
        ['self-harm/intent 1.00 (title, caption or tags) reaches review 0.40']],
      ['a block-list match blocks', { ...none, blocklistMatches: [match] }, 'platform', 'block',
        ['frame at 3.0 s matches block-listed content 0123456789abcdee (sexual/minors, distance 1)']],
    ]
    for (const [name, input, brand, verdict, reasons] of cases) {
      it(`${name} -> ${verdict}`, () => {
        const result = evaluateModeration(input, defaultPolicyFor(brand))
        assert.deepEqual([result.verdict, result.reasons], [verdict, reasons])
      })
    }

    it('a block-list match goes to review when the policy does not block on hashes', () => {
      const result = evaluateModeration({ ...none, blocklistMatches: [match] }, { ...PLATFORM_DEFAULT, blockOnHashMatch: false })
      assert.equal(result.verdict, 'review')
    })

    it('reports every category with its score, thresholds and flag, and brand limits beside them', () => {
      const result = evaluateModeration(fromText('Forced orgasm'), defaultPolicyFor('taboofanz'))
      assert.deepEqual(Object.keys(result.categories), [...MODERATION_CATEGORIES, 'non-consent', 'incest'])
      assert.deepEqual(result.categories.sexual, { score: 0, review: null, block: null, flagged: 'none' })
      assert.deepEqual(result.categories.illicit, { score: 0.25, review: 0.3, block: 0.8, flagged: 'none' })
      assert.deepEqual(result.categories['non-consent'], { score: 0.25, review: 0.2, block: 0.85, flagged: 'review' })
    })
  })

  describe('defaults', () => {
    it('every brand has a complete policy; girlfanz and boyfanz use the platform default', () => {
      for (const slug of BRAND_SLUGS) {
        assert.ok(BRANDS[slug])
        assert.deepEqual(Object.keys(defaultPolicyFor(slug).categories).sort(), [...MODERATION_CATEGORIES].sort())
      }
      assert.equal(defaultPolicyFor('girlfanz'), PLATFORM_DEFAULT)
      assert.equal(defaultPolicyFor('boyfanz'), PLATFORM_DEFAULT)
      assert.equal(defaultPolicyFor('unknown-brand'), PLATFORM_DEFAULT)
    })
    it('brand defaults are valid stored policies', () => {
      for (const rules of [PLATFORM_DEFAULT, ...Object.values(BRAND_DEFAULTS)]) assert.deepEqual(parsePolicyRules(rules), rules)
    })
  })

  describe('parsePolicyRules', () => {
    it('fills left-out categories from the platform default', () => {
      const rules = parsePolicyRules({ version: 3, categories: { violence: { review: 0.2, block: null } } })
      assert.equal(rules.version, 3)
      assert.equal(rules.blockOnHashMatch, true)
      assert.deepEqual(rules.categories.violence, { review: 0.2, block: null })
      assert.deepEqual(rules.categories['sexual/minors'], PLATFORM_DEFAULT.categories['sexual/minors'])
    })
    const bad: [string, unknown, RegExp][] = [
      ['not an object', 'strict', /\(root\)/],
      ['no version', { categories: {} }, /version/],
      ['unknown category', { version: 1, categories: { nudity: { review: 0.1, block: 0.2 } } }, /categories/],
      ['score above 1', { version: 1, categories: { hate: { review: 0.1, block: 1.5 } } }, /categories\.hate\.block/],
      ['review above block', { version: 1, categories: { hate: { review: 0.9, block: 0.5 } } }, /review must not exceed block/],
      ['missing block', { version: 1, categories: { hate: { review: 0.9 } } }, /categories\.hate\.block/],
      ['unknown signal limit', { version: 1, categories: {}, limits: { signals: { spicy: { review: 0, block: 1 } } } }, /limits\.signals/],
      ['extra field', { version: 1, categories: {}, threshold: 0.5 }, /threshold/],
    ]
    for (const [name, json, message] of bad) {
      it(`refuses ${name}`, () => {
        assert.throws(() => parsePolicyRules(json), (err: unknown) =>
          err instanceof PolicyError && err.code === 'INVALID_POLICY' && message.test(err.message))
      })
    }
  })
})
