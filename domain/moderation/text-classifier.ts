/**
 * A deterministic, explainable classifier for titles, captions and tags: a weighted lexicon matched on whole words
 * after normalising case, accents, leetspeak and spaced-out letters. Every score comes with the terms behind it, so a
 * moderator sees why. It covers what matters on an adult platform (age, consent, illegal acts, gore, self-harm); it
 * does not score hate or harassment.
 */
import { type Category, type CategoryScores, zeroScores } from './categories.ts'

export const TEXT_SIGNALS = ['minor-age', 'adult-ambiguous', 'non-consent', 'bestiality', 'incest', 'fantasy-roleplay',
  'drugs', 'weapons', 'gore', 'self-harm'] as const
export type TextSignal = (typeof TEXT_SIGNALS)[number]

type SignalRule = { categories: Category[]; cap: number; reason: string }
const SIGNALS: Record<TextSignal, SignalRule> = {
  'minor-age': { categories: ['sexual/minors'], cap: 1, reason: 'wording that suggests a minor' },
  // the adult industry's "teen" (18-19), "petite", "schoolgirl outfit": worth a look in numbers, never a block alone
  'adult-ambiguous': { categories: ['sexual/minors'], cap: 0.45, reason: 'youthful adult-industry wording (ambiguous)' },
  // OpenAI has no non-consent category: it is scored as violence and illicit, and tagged so a moderator sees it
  'non-consent': { categories: ['violence', 'illicit'], cap: 1, reason: 'non-consent wording (scored as violence and illicit)' },
  bestiality: { categories: ['illicit'], cap: 1, reason: 'bestiality wording' },
  incest: { categories: ['illicit'], cap: 1, reason: 'real-incest wording' },
  'fantasy-roleplay': { categories: ['illicit'], cap: 0.1, reason: 'step-family roleplay (legal fiction)' },
  drugs: { categories: ['illicit'], cap: 1, reason: 'illegal-drug wording' },
  weapons: { categories: ['illicit', 'illicit/violent'], cap: 1, reason: 'weapon wording' },
  gore: { categories: ['violence', 'violence/graphic'], cap: 1, reason: 'graphic-violence wording' },
  'self-harm': { categories: ['self-harm', 'self-harm/intent'], cap: 1, reason: 'self-harm wording' },
}

/** The categories this classifier can score at all (the others are always 0 from text). */
export const TEXT_CATEGORIES: readonly Category[] = [...new Set(Object.values(SIGNALS).flatMap((s) => s.categories))]

/** Spelling variants separated by '|' (the first names the term in results) -> weight 0..1. */
const LEXICON: Record<TextSignal, Record<string, number>> = {
  'minor-age': { 'underage|under age': 0.95, 'jailbait|jail bait': 0.95, 'preteen|pre teen|preteens': 0.95,
    'lolicon': 0.95, 'loli': 0.9, 'shotacon': 0.95, 'shota': 0.9, 'child|children': 0.9, 'kid|kids': 0.7,
    'toddler': 0.95, 'infant': 0.95, 'pedo|pedophile|paedo|paedophile|pedophilia': 0.9, 'minor': 0.5, 'minors': 0.6,
    'middle school|junior high|elementary school|8th grade|7th grade': 0.7, 'little girl|little boy': 0.6 },
  'adult-ambiguous': { 'teen|teens': 0.15, 'teenage|teenager': 0.3, 'barely legal': 0.15, 'schoolgirl|school girl': 0.2,
    'schoolboy|school boy': 0.2, 'high school|highschool': 0.2, 'petite': 0.05, 'tiny': 0.05, 'innocent': 0.05,
    'lolita': 0.3, 'age play|ageplay': 0.35 },
  'non-consent': { 'rape|raped|raping|rapes|rapist': 0.9, 'nonconsensual|non consensual|non consent': 0.8,
    'noncon|non con': 0.6, 'drugged': 0.7, 'roofied|roofies|rohypnol': 0.85, 'passed out': 0.5, 'unconscious': 0.6,
    'asleep': 0.25, 'forced': 0.25, 'against her will|against his will|against their will': 0.8, 'molested|molest': 0.85,
    'blackmailed|blackmail': 0.4, 'kidnapped|abducted': 0.5, 'hidden camera|hidden cam|spycam': 0.5,
    'upskirt': 0.6, 'creepshot|creepshots': 0.8 },
  bestiality: { 'bestiality|beastiality|zoophilia|zoophile': 0.95, 'zoo sex|animal sex|dog sex|horse sex': 0.9,
    'with a dog|with my dog|with a horse': 0.6 },
  incest: { 'real incest|actual incest': 0.9, 'incest': 0.4, 'real sister|real brother|real mom|real dad': 0.8,
    'not step': 0.7 },
  'fantasy-roleplay': { 'stepmom|step mom': 0.05, 'stepdad|step dad': 0.05, 'stepsister|step sister|stepsis|step sis': 0.05,
    'stepbrother|step brother|stepbro|step bro': 0.05, 'stepdaughter|step daughter|stepson|step son': 0.1 },
  drugs: { 'cocaine|heroin|meth|fentanyl': 0.7, 'mdma': 0.6, 'ghb': 0.8, 'drug deal|selling drugs': 0.7, 'weed': 0.2 },
  weapons: { 'gunpoint|at gunpoint|knifepoint|knife point': 0.8, 'gun|pistol|rifle|firearm': 0.2, 'explosives': 0.6 },
  gore: { 'gore': 0.8, 'snuff': 0.95, 'dismember|dismembered|decapitated|mutilated|mutilation': 0.95, 'murder': 0.7,
    'torture': 0.25, 'blood': 0.2 },
  'self-harm': { 'self harm|selfharm|cutting myself': 0.8, 'suicide': 0.7, 'kill myself': 0.85 },
}

export type TermMatch = { term: string; signal: TextSignal; weight: number; categories: Category[]; reason: string }
export type TextClassification = { scores: CategoryScores; signals: Record<TextSignal, number>; terms: TermMatch[] }

type Entry = { term: string; signal: TextSignal; weight: number }
const ENTRIES = new Map<string, Entry>()
for (const signal of TEXT_SIGNALS) {
  for (const [spellings, weight] of Object.entries(LEXICON[signal])) {
    const [term = spellings] = spellings.split('|')
    for (const spelling of spellings.split('|')) ENTRIES.set(spelling, { term, signal, weight })
  }
}
const MAX_WORDS = Math.max(...[...ENTRIES.keys()].map((k) => k.split(' ').length))
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's' }
// "14yo", "15 y/o", "12 year old", "aged 13": numbers only, read before leetspeak turns digits into letters
const AGE_SUFFIX = /(?<![\d.])(\d{1,2})\s*(?:yo|y\s*\/\s*o|y\.\s*o\.?|yrs?\s+old|years?\s+old)(?![a-z])/g
const AGE_PREFIX = /\bage[d]?\s+(\d{1,2})(?!\d)/g

/** Lower case, no accents, hyphens as spaces: the form age patterns are read from. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-_]/g, ' ')

/** Words after folding: spaced-out letters rejoined ("u-n-d-e-r-a-g-e"), leetspeak undone in words with letters. */
export function normalizeWords(text: string): string[] {
  const raw = fold(text).match(/[a-z0-9@$]+/g) ?? []
  const words: string[] = []
  for (let i = 0; i < raw.length; i++) {
    let j = i
    while (j < raw.length && raw[j]!.length === 1) j++
    if (j - i >= 3) { words.push(raw.slice(i, j).join('')); i = j - 1 } else words.push(raw[i]!)
  }
  return words.map((w) => (/[a-z]/.test(w) ? w.replace(/[01345@$]/g, (c) => LEET[c]!) : w))
}

function ageTerms(text: string): Entry[] {
  const folded = fold(text)
  const found: Entry[] = []
  for (const m of folded.matchAll(AGE_SUFFIX)) if (Number(m[1]) < 18) found.push({ term: `${Number(m[1])}yo`, signal: 'minor-age', weight: 0.95 })
  for (const m of folded.matchAll(AGE_PREFIX)) if (Number(m[1]) < 18) found.push({ term: `aged ${Number(m[1])}`, signal: 'minor-age', weight: 0.5 })
  return found
}

function lexiconTerms(words: string[]): Entry[] {
  const found: Entry[] = []
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
      const phrase = ENTRIES.get(words.slice(i, i + n).join(' '))
      if (phrase) found.push(phrase)
      // a word split by separators ("under-age", "jail bait") also counts as the single word
      const joined = n > 1 && n <= 3 ? ENTRIES.get(words.slice(i, i + n).join('')) : undefined
      if (joined) found.push(joined)
    }
  }
  return found
}

/** Scores one text (title, caption and tags together): per category 0..1 and the matched terms behind each score. */
export function classifyText(text: string): TextClassification {
  const unique = new Map<string, Entry>()
  for (const e of [...ageTerms(text), ...lexiconTerms(normalizeWords(text))]) {
    if ((unique.get(e.term)?.weight ?? -1) < e.weight) unique.set(e.term, e)
  }
  const signals = Object.fromEntries(TEXT_SIGNALS.map((s) => [s, 0])) as Record<TextSignal, number>
  const miss = Object.fromEntries(TEXT_SIGNALS.map((s) => [s, 1])) as Record<TextSignal, number>
  // within a signal, independent hints compound (noisy-or) up to the signal's cap
  for (const e of unique.values()) miss[e.signal] *= 1 - e.weight
  const scores = zeroScores()
  for (const s of TEXT_SIGNALS) {
    signals[s] = round(Math.min(SIGNALS[s].cap, 1 - miss[s]))
    for (const c of SIGNALS[s].categories) scores[c] = Math.max(scores[c], signals[s])
  }
  const terms = [...unique.values()].sort((a, b) => b.weight - a.weight)
    .map((e) => ({ ...e, categories: SIGNALS[e.signal].categories, reason: SIGNALS[e.signal].reason }))
  return { scores, signals, terms }
}

const round = (x: number) => Math.round(x * 1000) / 1000
