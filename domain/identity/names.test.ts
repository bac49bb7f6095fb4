import assert from 'node:assert/strict'
import { nameTokens, namesMatch } from './names.ts'

describe('name matching', () => {
  it('reduces a name to plain parts', () => assert.deepEqual(nameTokens('  Zoë  O’Brien-Smith '), ['zoe', 'obrien', 'smith']))

  const cases: [declared: string, onDocument: string, match: boolean][] = [
    ['Jane Smith', 'JANE SMITH', true], ['Jane Smith', 'SMITH JANE', true], ['Jane Smith', 'Jane Mary Smith', true],
    ['José Álvarez', 'JOSE ALVAREZ', true], ["Sean O'Neill", 'SEAN ONEILL', true], ['Anne-Marie Dubois', 'ANNE MARIE DUBOIS', true],
    ['Jane Mary Smith', 'Jane Smith', true], ['李 小龍', '李 小龍', true], ['Madonna', 'MADONNA', true],
    ['Jane Smith', 'John Smith', false], ['Jane Smith', 'Jane Smyth', false], ['Smith', 'Jane Smith', false],
    ['Jane Smith', 'Jane', false], ['', 'Jane Smith', false], ['Jane Smith', '', false], ['...', '---', false],
  ]
  for (const [declared, onDocument, match] of cases) {
    it(`'${declared}' vs '${onDocument}': ${match ? 'match' : 'mismatch'}`, () => assert.equal(namesMatch(declared, onDocument), match))
  }
})
