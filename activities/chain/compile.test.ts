import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { formatAbiItem } from 'viem/utils'
import type { Abi } from 'viem'
import { fanzUsdAbi, paymentRouterAbi } from './abis.ts'
import { ARTIFACT_DIR, CONTRACTS, compileContracts } from './compile.ts'

const signatures = (abi: Abi) => new Set(abi.filter((item) => item.type !== 'constructor').map((item) => formatAbiItem(item)))

describe('compileContracts', () => {
  it('compiles every contract to creation bytecode and keeps the result by source hash', async () => {
    const artifacts = await compileContracts()
    for (const name of Object.values(CONTRACTS)) {
      assert.match(artifacts[name].bytecode, /^0x(?:[0-9a-f]{2})+$/, `${name} has bytecode`)
      assert.ok(artifacts[name].abi.length > 0, `${name} has an ABI`)
    }
    assert.ok((await readdir(ARTIFACT_DIR)).some((file) => /^[0-9a-f]{16}\.json$/.test(file)), 'artifacts are cached')
    const started = Date.now()
    assert.deepEqual(await compileContracts(), artifacts)
    assert.ok(Date.now() - started < 200, 'the second call reads the cache instead of compiling')
  })

  const written: [string, Abi, (typeof CONTRACTS)[keyof typeof CONTRACTS]][] = [
    ['paymentRouterAbi', paymentRouterAbi, CONTRACTS.paymentRouter],
    ['fanzUsdAbi', fanzUsdAbi, CONTRACTS.fanzUsd],
  ]
  for (const [label, abi, contract] of written) {
    it(`${label} says nothing the compiled ${contract} does not`, async () => {
      const compiled = signatures((await compileContracts())[contract].abi)
      const missing = [...signatures(abi)].filter((signature) => !compiled.has(signature))
      assert.deepEqual(missing, [])
    })
  }
})
