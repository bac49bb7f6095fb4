/** `npm run bench [-- ledger]`: starts the engines a benchmark needs on the test profile and prints its ratios. */
import { startStack } from '../ops/stack/stack.ts'
import { benchCollectibles } from './collectibles.ts'
import { benchDsr } from './dsr.ts'
import { benchLedger } from './ledger.ts'
import { benchMedia } from './media.ts'
import { benchPayouts } from './payouts.ts'
import { benchPpv } from './ppv.ts'
import { benchSignup } from './signup.ts'
import type { AppEnv, InfraService } from '../ops/stack/stack.ts'

type Bench = { infra: InfraService[]; apps: boolean; run: (env: AppEnv) => Promise<void> }
const BENCHES: Record<string, Bench> = {
  ledger: { infra: ['postgres'], apps: false, run: (env) => benchLedger(env.DATABASE_URL) },
  // the stack's own workers stay idle on their queues; the benchmark runs its worker on a queue of its own
  ppv: { infra: ['postgres', 'temporal', 'minio', 'opensearch'], apps: true, run: benchPpv },
  // signups run on the stack's own workers, through the API and the mail sink; only the no-op baseline uses a bench queue
  signup: { infra: ['postgres', 'temporal', 'minio', 'opensearch'], apps: true, run: benchSignup },
  // uploads run on the stack's own workers and moderation endpoint; the bare ffmpeg baseline runs in this process
  media: { infra: ['postgres', 'temporal', 'minio', 'opensearch'], apps: true, run: benchMedia },
  // a run on the stack's own workers, paying through the bank (wire) sandbox; balances seeded through the ledger store
  payouts: { infra: ['postgres', 'temporal', 'minio', 'opensearch'], apps: true, run: benchPayouts },
  // mints on the stack's own workers and anvil, the CCBill sandbox charging; bare viem sends the same calls in this process
  collectibles: { infra: ['postgres', 'temporal', 'minio', 'opensearch'], apps: true, run: benchCollectibles },
  // data subject requests on the stack's own workers, over a seeded history at two sizes; a bare export in this process
  dsr: { infra: ['postgres', 'temporal', 'minio', 'opensearch'], apps: true, run: benchDsr },
}
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHES)

for (const name of names) {
  const bench = BENCHES[name]
  if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`)
  const stack = await startStack({ profile: 'test', apps: bench.apps, infra: bench.infra, log: () => {} })
  try {
    await bench.run(stack.env)
  } finally {
    await stack.stop()
  }
}
