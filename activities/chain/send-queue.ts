/** One transaction at a time per sending account, each taking the node's pending nonce: consecutive, never stale. */

/**
 * Runs sends one after another. viem's nonce manager remembers the last nonce it gave out and never goes below it,
 * so a restarted dev chain or a dropped transaction leaves every later send stuck behind a gap; asking the node
 * for the pending nonce inside a queue cannot go stale. Other processes sending from the same account can still
 * collide ("nonce too low"): that send fails, and the activity retries.
 */
export function createSendQueue(): <T>(send: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return (send) => {
    const run = tail.then(send, send)
    tail = run.catch(() => undefined)
    return run
  }
}
