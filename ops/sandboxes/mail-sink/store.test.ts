import assert from 'node:assert/strict'
import { createMessageStore, matches, type MessageFilter, type StoredMessage } from './store.ts'

const message = (id: string, over: Partial<StoredMessage> = {}): StoredMessage => ({
  id, receivedAt: '2026-01-01T00:00:00.000Z', messageId: `<${id}@fanz.test>`, template: 'passwordReset', authUser: null,
  envelope: { from: 'no-reply@fanz.test', to: ['Fan@Example.test'] }, from: [], to: [{ address: 'fan@example.test', name: 'Fan' }],
  cc: [{ address: 'compliance@fanz.test', name: '' }], subject: 'BoyFanz: Reset your password', text: '', html: null, headers: [],
  attachments: [], size: 1, raw: Buffer.from(''), ...over,
})

describe('mail sink store', () => {
  const cases: [filter: MessageFilter, expected: boolean][] = [
    [{}, true],
    [{ to: 'fan@example.test' }, true],
    [{ to: 'FAN@example.TEST' }, true],
    [{ to: 'an@example.test' }, false],
    [{ to: 'example' }, true],
    [{ to: 'compliance@fanz.test' }, true],
    [{ to: 'other@example.test' }, false],
    [{ q: 'reset' }, true],
    [{ q: 'verify' }, false],
    [{ template: 'passwordReset' }, true],
    [{ template: 'password' }, false],
    [{ to: 'fan@example.test', q: 'verify' }, false],
  ]
  for (const [filter, expected] of cases) {
    it(`${JSON.stringify(filter)} ${expected ? 'matches' : 'does not match'}`, () => assert.equal(matches(filter)(message('m')), expected))
  }

  it('keeps only the newest messages, newest first', () => {
    const store = createMessageStore(2)
    for (const id of ['a', 'b', 'c']) store.add(message(id))
    assert.deepEqual(store.list().map((m) => m.id), ['c', 'b'])
    assert.equal(store.get('a'), undefined)
  })

  it('waitFor resolves with a message that arrives later, and gives up after the timeout', async () => {
    const store = createMessageStore(10)
    const waiting = store.waitFor((m) => m.id === 'late', 1000)
    store.add(message('other'))
    store.add(message('late'))
    assert.equal((await waiting).id, 'late')
    await assert.rejects(store.waitFor((m) => m.id === 'never', 20), /within 20 ms/)
  })
})
