// The bench worker's bundle: the real purchasePpv, and a baseline with the same number of activities doing nothing.
import { proxyActivities } from '@temporalio/workflow'

export { purchasePpv } from '../workflows/purchase-ppv.ts'

const { noop } = proxyActivities<{ noop: () => Promise<void> }>({ startToCloseTimeout: '30s' })

/** Runs `count` no-op activities in sequence: the floor any workflow of that shape pays on this server. */
export async function benchNoop(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await noop()
}
