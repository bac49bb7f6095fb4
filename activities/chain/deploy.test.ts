import assert from 'node:assert/strict'
import { mnemonicToAccount } from 'viem/accounts'
import { fanzUsdAbi } from './abis.ts'
import { ANVIL_DEV_MNEMONIC, startAnvil, type AnvilProcess } from './anvil-process.ts'
import { connectChain, type ChainClients } from './clients.ts'
import { CONTRACTS, compileContracts } from './compile.ts'
import { deployDeterministic, deterministicAddress } from './deploy.ts'
import { setupLocalPayments, topUpFanzUsd } from './local-setup.ts'

describe('deterministic deployment on anvil', function () {
  this.timeout(30_000)
  let node: AnvilProcess
  let clients: ChainClients
  const deployer = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0 })
  const stranger = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 5 })

  before(async () => {
    node = await startAnvil({ blockTimeSeconds: 0.2 })
    clients = await connectChain(node.rpcUrl, { pollingIntervalMs: 50 })
  })
  after(() => node.stop())

  it('deploys once to the address fixed by the code, and finds it there the second time', async () => {
    const router = (await compileContracts())[CONTRACTS.paymentRouter]
    const first = await deployDeterministic(clients, deployer, router)
    assert.deepEqual(first, { address: deterministicAddress(router), deployed: true })
    assert.notEqual(await clients.public.getCode({ address: first.address }), undefined)
    const nonce = await clients.public.getTransactionCount({ address: deployer.address })
    assert.deepEqual(await deployDeterministic(clients, stranger, router), { address: first.address, deployed: false })
    assert.equal(await clients.public.getTransactionCount({ address: deployer.address }), nonce, 'no transaction the second time')
  })

  it('sets up the local payment contracts idempotently, and only the token owner mints', async () => {
    const first = await setupLocalPayments(clients, deployer)
    const again = await setupLocalPayments(clients, deployer)
    assert.deepEqual([again.token, again.router, again.deployedNow], [first.token, first.router, false])
    const decimals = await clients.public.readContract({ address: first.token, abi: fanzUsdAbi, functionName: 'decimals' })
    assert.equal(decimals, 6)
    assert.equal(await topUpFanzUsd(clients, deployer, first.token, stranger.address, 5_000_000n), 5_000_000n)
    assert.equal(await topUpFanzUsd(clients, deployer, first.token, stranger.address, 5_000_000n), 0n, 'a second top-up mints nothing')
    assert.equal(await topUpFanzUsd(clients, deployer, first.token, stranger.address, 7_000_000n), 2_000_000n, 'tops up the difference')
    await assert.rejects(topUpFanzUsd(clients, stranger, first.token, stranger.address, 9_000_000n), /OwnableUnauthorizedAccount|reverted/)
  })
})
