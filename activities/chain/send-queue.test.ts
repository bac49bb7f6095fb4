import assert from 'node:assert/strict'
import { createSendQueue } from './send-queue.ts'

describe('send queue', () => {
  it('runs sends one at a time, in the order they came, and a failed send does not block the next', async () => {
    const queue = createSendQueue()
    const log: string[] = []
    let running = 0
    const send = (name: string, ms: number, fail = false) => queue(async () => {
      running += 1
      assert.equal(running, 1, `${name} overlapped another send`)
      log.push(`start ${name}`)
      await new Promise((r) => setTimeout(r, ms))
      running -= 1
      if (fail) throw new Error(`${name} failed`)
      return name
    })
    const results = await Promise.allSettled([send('a', 30), send('b', 5, true), send('c', 1)])
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)), ['a', 'b failed', 'c'])
    assert.deepEqual(log, ['start a', 'start b', 'start c'])
  })
})
