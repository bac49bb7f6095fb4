/** The code of the coded error `fn` throws, failing the test when it throws anything else or nothing. */
import assert from 'node:assert/strict'

export function rejectionCode(fn: () => unknown, kind: abstract new (...args: never[]) => Error & { code: string }): string {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof kind, `expected ${kind.name}, got ${String(err)}`)
    return err.code
  }
  assert.fail(`expected a ${kind.name}`)
}
