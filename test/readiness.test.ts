import assert from 'node:assert/strict'
import { api, testStack } from './support/stack.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('health and readiness of the running stack', function () {
  this.timeout(180_000)

  it('/healthz is alive and /readyz is ready with every dependency named', async () => {
    assert.deepEqual((await api('/healthz')).body, { status: 'ok' })
    const ready = await api('/readyz')
    assert.equal(ready.status, 200)
    assert.deepEqual(ready.body.dependencies.map((d: { name: string }) => d.name), ['postgres', 'temporal', 'object-storage', 'search'])
    assert.deepEqual(ready.body.down, [])
  })

  it('/readyz?deep=1 runs checkPlatform through the workers and reports each check', async () => {
    const res = await api('/readyz?deep=1')
    assert.equal(res.status, 200, JSON.stringify(res.body))
    assert.equal(res.body.platformCheck.ok, true)
    assert.equal(res.body.platformCheck.checks.length, 7)
    assert.match(res.body.platformCheck.workflowId, /^platform-check:/)
  })

  it('turns 503 naming object storage when MinIO goes down, and recovers when it returns', async () => {
    const { supervisor, specs } = testStack()
    await supervisor.stop('minio')
    try {
      const down = await api('/readyz')
      assert.equal(down.status, 503)
      assert.deepEqual(down.body.down, ['object-storage'])
      assert.equal(down.body.status, 'unavailable')
      assert.ok(down.body.dependencies.find((d: { name: string }) => d.name === 'object-storage').error)
    } finally {
      await supervisor.start(specs.get('minio')!)
    }
    let status = 0
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await api('/readyz')).status
      if (status !== 200) await sleep(250)
    }
    assert.equal(status, 200)
  })

  it('turns 503 naming PostgreSQL when it goes down, and recovers when it returns', async () => {
    const { supervisor, specs } = testStack()
    await supervisor.stop('postgres')
    try {
      const down = await api('/readyz')
      assert.equal(down.status, 503)
      assert.deepEqual(down.body.down, ['postgres'])
    } finally {
      await supervisor.start(specs.get('postgres')!)
    }
    let status = 0
    for (let i = 0; i < 60 && status !== 200; i++) {
      status = (await api('/readyz')).status
      if (status !== 200) await sleep(250)
    }
    assert.equal(status, 200)
  })
})
