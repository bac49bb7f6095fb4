/** `npm run bench [-- ledger]`: starts the engines a benchmark needs on the test profile and prints its ratios. */
import { startStack } from '../ops/stack/stack.ts'
import { benchLedger } from './ledger.ts'

const BENCHES = { ledger: { infra: ['postgres'] as const, run: (env: { DATABASE_URL: string }) => benchLedger(env.DATABASE_URL) } }
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHES)

for (const name of names) {
  const bench = BENCHES[name as keyof typeof BENCHES]
  if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`)
  const stack = await startStack({ profile: 'test', apps: false, infra: [...bench.infra], log: () => {} })
  try {
    await bench.run(stack.env)
  } finally {
    await stack.stop()
  }
}
