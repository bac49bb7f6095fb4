/** `npm start`: provisions and starts the whole platform with demo data, prints its URLs, stops cleanly on Ctrl-C. */
import { ConfigError } from '../domain/env.ts'
import { StackError } from './stack/run-command.ts'
import { startStack, type Stack } from './stack/stack.ts'
import { seedDemoMedia } from './demo-media.ts'
import { seedDemoPayouts } from './demo-payouts.ts'
import { seedDemoCollectibles } from './demo-collectibles.ts'
import { seedDemoPrivacy } from './demo-privacy.ts'

const t0 = Date.now()
let stack: Stack
try {
  stack = await startStack({ profile: 'dev' })
} catch (err) {
  if (err instanceof StackError || err instanceof ConfigError) {
    console.error(`\nnpm start failed: ${err.message}`)
    process.exit(1)
  }
  throw err
}

const width = Math.max(...Object.keys(stack.urls).map((k) => k.length))
console.log(`\nfanz-unified is up in ${((Date.now() - t0) / 1000).toFixed(0)} s:\n`)
for (const [name, url] of Object.entries(stack.urls)) console.log(`  ${name.padEnd(width)}  ${url}`)
console.log('\nLogs: .local/dev/logs/<service>.log   Stop: Ctrl-C\n')
// demo videos go through the real pipeline (upload, transcode, moderation, review): in the background, the platform is usable meanwhile
// then her payouts: a verified wallet, earnings, and a run whose payout waits for finance's approval
const demoLog = (line: string) => console.log(`[demo] ${line}`)
// and an edition of her published video on the local chain; meanwhile a privacy request and a legal hold
seedDemoPrivacy(stack.env, demoLog).catch((err: unknown) => console.error(`[demo] demo privacy request not created: ${String(err)}`))
seedDemoMedia(stack.env, demoLog)
  .then(() => Promise.all([
    seedDemoPayouts(stack.env, demoLog).catch((err: unknown) => console.error(`[demo] demo payouts not created: ${String(err)}`)),
    seedDemoCollectibles(stack.env, demoLog).catch((err: unknown) => console.error(`[demo] demo collectible not created: ${String(err)}`)),
  ]), (err: unknown) => console.error(`[demo] demo videos not created: ${String(err)}`))

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: stopping api, workers, then the services…`)
  await stack.stop()
  console.log('stopped cleanly')
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
