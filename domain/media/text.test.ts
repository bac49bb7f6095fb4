import assert from 'node:assert/strict'
import { textProblem } from './text.ts'

describe('creator text', () => {
  const cases: [string, string | null][] = [
    ['Berlin night shoot', null],
    ['Me & him <3 (part 2)', null],
    ['5 > 4, and 3 < 4', null],
    ['Tips: one-click = love', null],
    ['<script>alert(1)</script>', 'MARKUP_NOT_ALLOWED'],
    ['hi <img src=x onerror=alert(1)>', 'MARKUP_NOT_ALLOWED'],
    ['< script >', 'MARKUP_NOT_ALLOWED'],
    ['</b>', 'MARKUP_NOT_ALLOWED'],
    ['<!-- hidden -->', 'MARKUP_NOT_ALLOWED'],
    ['click javascript:alert(1)', 'MARKUP_NOT_ALLOWED'],
    ['x onload =1', 'MARKUP_NOT_ALLOWED'],
    ['right\u202eto left', 'CONTROL_CHARACTERS'],
    ['bell\u0007', 'CONTROL_CHARACTERS'],
    ['two\nlines\tand a tab', null],
  ]
  for (const [value, code] of cases) {
    it(`${JSON.stringify(value)} -> ${code ?? 'plain text'}`, () => assert.equal(textProblem('title', value)?.code ?? null, code))
  }
  it('names the field in the message', () => assert.match(textProblem('caption', '<b>x</b>')!.message, /caption/))
})
