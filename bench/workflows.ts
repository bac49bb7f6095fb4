// The bench worker's bundle: the real purchasePpv, and baselines with the same number of activities doing nothing.
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow'

export { purchasePpv } from '../workflows/purchase-ppv.ts'

const { noop } = proxyActivities<{ noop: () => Promise<void> }>({ startToCloseTimeout: '30s' })

/** Runs `count` no-op activities in sequence: the floor any workflow of that shape pays on this server. */
export async function benchNoop(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await noop()
}

/** What benchNoopAwaitingSignal waits for, in the place of signupFan's emailVerified. */
export const benchContinueSignal = defineSignal('benchContinue')

/** signupFan's shape doing nothing: one no-op activity, a wait for one signal, then the remaining `count - 1` no-ops. */
export async function benchNoopAwaitingSignal(count: number): Promise<void> {
  let signalled = false
  setHandler(benchContinueSignal, () => { signalled = true })
  await noop()
  await condition(() => signalled)
  for (let i = 1; i < count; i++) await noop()
}
