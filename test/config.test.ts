import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import net from 'node:net'
import { assertPortFree } from '../ops/stack/supervisor.ts'
import { testStack } from './support/stack.ts'

/** Runs an entrypoint with the given environment and returns its exit code and output. */
function run(entry: string, env: Record<string, string | undefined>, timeoutMs = 20_000) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv })
    let output = ''
    child.stdout.on('data', (d: Buffer) => { output += d })
    child.stderr.on('data', (d: Buffer) => { output += d })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }) })
  })
}

describe('start-up configuration errors name the variable, the port and the service', function () {
  this.timeout(60_000)
  const good = () => ({ ...testStack().env }) as Record<string, string | undefined>

  for (const entry of ['api/main.ts', 'workers/main.ts']) {
    it(`${entry}: a malformed DATABASE_URL stops start-up naming it`, async () => {
      const { code, output } = await run(entry, { ...good(), DATABASE_URL: 'not a url' })
      assert.equal(code, 78)
      assert.match(output, /DATABASE_URL/)
    })
    it(`${entry}: a missing S3_SECRET_KEY stops start-up naming it`, async () => {
      const { code, output } = await run(entry, { ...good(), S3_SECRET_KEY: undefined })
      assert.equal(code, 78)
      assert.match(output, /S3_SECRET_KEY/)
      assert.match(output, /not set/)
    })
  }

  it('workers: an unknown task queue is refused', async () => {
    const { code, output } = await run('workers/main.ts', { ...good(), TASK_QUEUES: 'core,payments' })
    assert.equal(code, 78)
    assert.match(output, /TASK_QUEUES/)
  })

  it('api: a port in use names the port', async () => {
    const { code, output } = await run('api/main.ts', { ...good(), API_PORT: new URL(testStack().env.PUBLIC_URL).port })
    assert.equal(code, 1)
    assert.match(output, new RegExp(`port ${new URL(testStack().env.PUBLIC_URL).port} \\(API\\) is already in use`))
  })

  it('the stack refuses a taken port naming the service and the port', async () => {
    const server = net.createServer().listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as net.AddressInfo
    await assert.rejects(assertPortFree('minio', port, 'MinIO S3 API'), (err: Error) =>
      err.message.includes('[minio]') && err.message.includes(`port ${port} (MinIO S3 API) is already in use`))
    server.close()
    await assertPortFree('minio', port, 'MinIO S3 API')
  })
})
