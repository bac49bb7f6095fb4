/** Mocha root hooks: start the real test stack (own ports, own .local/test data) once, stop it at the end. */
import { DefaultLogger, Runtime } from '@temporalio/worker'
import { startStack } from '../../ops/stack/stack.ts'
import { setTestStack, testStack } from '../support/stack.ts'

// Replay tests run workers in this process: keep their routine lines (and expected activity failures) out of the test report.
Runtime.install({ logger: new DefaultLogger('ERROR') })

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(15 * 60_000) // a cold machine provisions Temporal, MinIO, OpenSearch and Chromium first
    const t0 = Date.now()
    const stack = await startStack({ profile: 'test', browser: true, log: (line) => console.log(`    [stack] ${line}`) })
    setTestStack(stack)
    process.env.FANZ_API_URL = stack.env.PUBLIC_URL
    console.log(`    [stack] test stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${stack.env.PUBLIC_URL}\n`)
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(120_000)
    await testStack().stop()
    setTestStack(undefined)
  },
}
