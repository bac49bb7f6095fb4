import assert from 'node:assert/strict'
import { classifyText, normalizeWords } from './text-classifier.ts'
import type { Category } from './categories.ts'

describe('text classifier', () => {
  describe('normalisation', () => {
    const cases: [string, string[]][] = [
      ['Ünderâge', ['underage']],
      ['u-n-d-e-r-a-g-e', ['underage']],
      ['r a p 3 video', ['rape', 'video']],
      ['J41LB41T', ['jailbait']],
      ['l0li', ['loli']],
      ['r@pe $cene', ['rape', 'scene']],
      ['teen 18+ 2024', ['teen', '18', '2024']],
    ]
    for (const [text, words] of cases) it(`${text} -> ${words.join(' ')}`, () => assert.deepEqual(normalizeWords(text), words))
  })

  type Case = { text: string; at: Partial<Record<Category, [number, number]>>; terms?: string[]; signal?: string }
  // [min, max] per category; categories not named must stay 0 unless listed
  const cases: Case[] = [
    { text: 'Underage girl', at: { 'sexual/minors': [0.9, 1] }, terms: ['underage'] },
    { text: 'she is 14yo', at: { 'sexual/minors': [0.9, 1] }, terms: ['14yo'] },
    { text: 'my 15 y/o neighbour', at: { 'sexual/minors': [0.9, 1] }, terms: ['15yo'] },
    { text: 'a 16-year-old', at: { 'sexual/minors': [0.9, 1] }, terms: ['16yo'] },
    { text: 'jail-bait', at: { 'sexual/minors': [0.9, 1] }, terms: ['jailbait'] },
    { text: 'P.R.E.T.E.E.N', at: { 'sexual/minors': [0.9, 1] }, terms: ['preteen'] },
    { text: 'loli cosplay', at: { 'sexual/minors': [0.85, 1] }, terms: ['loli'] },
    { text: 'with a child', at: { 'sexual/minors': [0.85, 1] }, terms: ['child'] },
    { text: 'Hot 19yo and 18 y/o twins', at: {} },
    { text: 'teen 18+', at: { 'sexual/minors': [0.1, 0.19] }, terms: ['teen'] },
    { text: 'Barely legal', at: { 'sexual/minors': [0.1, 0.19] }, terms: ['barely legal'] },
    { text: 'Schoolgirl outfit', at: { 'sexual/minors': [0.15, 0.25] }, terms: ['schoolgirl'] },
    { text: 'petite', at: { 'sexual/minors': [0.01, 0.1] }, terms: ['petite'] },
    // ambiguous words compound but are capped below any platform block threshold
    { text: 'petite tiny innocent teen schoolgirl teenager barely legal lolita',
      at: { 'sexual/minors': [0.45, 0.45] } },
    { text: 'Cute pup play', at: {} },
    { text: 'Stepmom roleplay', at: { illicit: [0.01, 0.1] }, terms: ['stepmom'], signal: 'fantasy-roleplay' },
    { text: 'step mom and step-sis', at: { illicit: [0.05, 0.1] }, terms: ['stepmom', 'stepsister'] },
    { text: 'Grape harvest', at: {} },
    { text: 'Scunthorpe therapist drapes a trapeze', at: {} },
    { text: 'Kidderminster minority kidding childish', at: {} },
    { text: 'Essex method', at: {} },
    { text: 'rape fantasy', at: { violence: [0.85, 1], illicit: [0.85, 1] }, terms: ['rape'], signal: 'non-consent' },
    { text: 'she was drugged and passed out', at: { violence: [0.8, 0.9], illicit: [0.8, 0.9] }, signal: 'non-consent' },
    { text: 'fucked while asleep', at: { violence: [0.2, 0.3], illicit: [0.2, 0.3] }, terms: ['asleep'] },
    { text: 'Forced orgasm', at: { violence: [0.2, 0.3], illicit: [0.2, 0.3] }, terms: ['forced'] },
    { text: 'unconscious', at: { violence: [0.55, 0.65], illicit: [0.55, 0.65] } },
    { text: 'Zoophilia', at: { illicit: [0.9, 1] }, signal: 'bestiality' },
    { text: 'real incest, not step', at: { illicit: [0.95, 1] }, signal: 'incest' },
    { text: 'cocaine party', at: { illicit: [0.6, 0.8] }, signal: 'drugs' },
    { text: 'at gunpoint', at: { illicit: [0.75, 0.9], 'illicit/violent': [0.75, 0.9], violence: [0, 0] }, signal: 'weapons' },
    { text: 'snuff film', at: { violence: [0.9, 1], 'violence/graphic': [0.9, 1] }, signal: 'gore' },
    { text: 'I want to kill myself', at: { 'self-harm': [0.8, 0.9], 'self-harm/intent': [0.8, 0.9] } },
    { text: '', at: {} },
  ]

  for (const c of cases) {
    it(`"${c.text}"`, () => {
      const { scores, terms } = classifyText(c.text)
      for (const [cat, score] of Object.entries(scores)) {
        const [min, max] = c.at[cat as Category] ?? [0, 0]
        assert.ok(score >= min && score <= max, `${cat} = ${score}, expected ${min}..${max}`)
      }
      if (c.terms) assert.deepEqual(terms.map((t) => t.term).sort(), [...c.terms].sort())
      if (c.signal) assert.ok(terms.length > 0 && terms.every((t) => t.signal === c.signal), JSON.stringify(terms))
    })
  }

  it('explains each term: its signal, weight, categories and a reason', () => {
    const { terms, signals } = classifyText('R4PE')
    assert.deepEqual(terms, [{ term: 'rape', signal: 'non-consent', weight: 0.9, categories: ['violence', 'illicit'],
      reason: 'non-consent wording (scored as violence and illicit)' }])
    assert.equal(signals['non-consent'], 0.9)
  })

  it('reports a term once even when several spellings appear', () => {
    assert.deepEqual(classifyText('rape raped r.a.p.e').terms.map((t) => t.term), ['rape'])
  })
})
