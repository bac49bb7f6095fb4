import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { encodeFunctionData, keccak256, stringToHex, type Address, type Hex } from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { collectiblesAbi } from '../../activities/chain/abis.ts'
import { ANVIL_DEV_MNEMONIC, anvilDevKey, startAnvil, type AnvilProcess } from '../../activities/chain/anvil-process.ts'
import { connectChain, type ChainClients } from '../../activities/chain/clients.ts'
import { setupLocalCollectibles } from '../../activities/chain/local-setup.ts'
import { TxWouldRevert, createTxJournal, type TxJournal } from '../../activities/chain/tx-journal.ts'
import { createDb, type Db } from '../../prisma/client.ts'
import { testStack } from '../support/stack.ts'

const run = promisify(execFile)
const id = (label: string): Hex => keccak256(stringToHex(label))

describe('chain transaction journal (real PostgreSQL and a private anvil)', function () {
  this.timeout(120_000)
  let node: AnvilProcess
  let clients: ChainClients
  let db: Db
  let contract: Address
  let journal: TxJournal
  const minter = privateKeyToAccount(anvilDevKey(7))
  const edition = id(`journal-edition-${Date.now()}`)
  const holder = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 8 }).address
  const runKey = `journal-test:${Date.now()}`
  const mint = (label: string) => ({ key: `${runKey}:${label}`, to: contract, purpose: 'mint', abi: collectiblesAbi,
    data: encodeFunctionData({ abi: collectiblesAbi, functionName: 'mint', args: [edition, holder, id(`${runKey}:${label}`)] }) })
  const rpc = (method: string, params: unknown[]) => clients.public.request({ method, params } as never)
  const tokensOf = () => clients.public.readContract({ address: contract, abi: collectiblesAbi, functionName: 'balanceOf', args: [holder] })

  before(async () => {
    node = await startAnvil({ blockTimeSeconds: 0.2 })
    clients = await connectChain(node.rpcUrl, { pollingIntervalMs: 25 })
    db = createDb(testStack().env.DATABASE_URL, { max: 4 })
    contract = await setupLocalCollectibles(clients, mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0 }), minter.address)
    journal = createTxJournal({ db, chain: async () => clients, signer: minter, confirmations: 2, stuckAfterMs: 600 })
    const create = await journal.prepare({ key: `${runKey}:edition`, to: contract, purpose: 'createEdition', abi: collectiblesAbi,
      data: encodeFunctionData({ abi: collectiblesAbi, functionName: 'createEdition', args: [edition, holder, 100, 0n, 'ipfs://x'] }) })
    await journal.broadcast(create.key)
    assert.equal((await journal.confirm(create.key, 20_000)).status, 'CONFIRMED')
  })
  after(async () => {
    await node?.stop()
    await db?.$disconnect()
  })

  it('a repeated key returns the journalled transaction and signs nothing new', async () => {
    const first = await journal.prepare(mint('repeat'))
    const again = await journal.prepare(mint('repeat'))
    assert.deepEqual(again, first)
    await journal.broadcast(first.key)
    await journal.broadcast(first.key)
    assert.equal((await journal.confirm(first.key, 20_000)).status, 'CONFIRMED')
    const rows = await db.chainTransaction.count({ where: { key: first.key } })
    assert.equal(rows, 1)
  })

  it('concurrent calls get consecutive nonces, never one twice, and all are mined', async () => {
    const txs = await Promise.all(Array.from({ length: 8 }, (_, i) => journal.prepare(mint(`parallel-${i}`))))
    const nonces = txs.map((t) => t.nonce).sort((a, b) => a - b)
    assert.deepEqual(nonces, nonces.map((_, i) => nonces[0]! + i))
    for (const t of txs) await journal.broadcast(t.key)
    const outcomes = await Promise.all(txs.map((t) => journal.confirm(t.key, 30_000)))
    assert.ok(outcomes.every((o) => o.status === 'CONFIRMED'))
  })

  it('a call that would revert is refused with the contract error, and nothing is signed, journalled or sent', async () => {
    const count = await clients.public.getTransactionCount({ address: minter.address, blockTag: 'pending' })
    const bad = { ...mint('unknown-edition'), data: encodeFunctionData({ abi: collectiblesAbi, functionName: 'mint', args: [id('no-such-edition'), holder, id('x')] }) }
    await assert.rejects(journal.prepare(bad), (err: unknown) => err instanceof TxWouldRevert && err.reason === 'UnknownEdition')
    assert.equal(await db.chainTransaction.count({ where: { key: bad.key } }), 0)
    assert.equal(await clients.public.getTransactionCount({ address: minter.address, blockTag: 'pending' }), count)
  })

  it('a transaction stuck unmined is replaced at a higher fee on the same nonce; exactly one version is mined', async () => {
    const before = await tokensOf()
    await rpc('evm_setIntervalMining', [0])
    const tx = await journal.prepare(mint('stuck'))
    await journal.broadcast(tx.key)
    // nothing is mined for 2.5 s: the journal replaces the version after 0.6 s, then mining resumes
    const resume = new Promise((resolve) => setTimeout(() => resolve(rpc('evm_setIntervalMining', [1])), 2500))
    const outcome = await journal.confirm(tx.key, 30_000)
    await resume
    const row = await db.chainTransaction.findUniqueOrThrow({ where: { key: tx.key } })
    const attempts = row.attempts as { hash: Hex; maxFeePerGas: string }[]
    assert.ok(attempts.length >= 2, `replaced at least once (${attempts.length} versions)`)
    assert.ok(BigInt(attempts[1]!.maxFeePerGas) > BigInt(attempts[0]!.maxFeePerGas), 'each replacement pays more')
    assert.equal(outcome.status, 'CONFIRMED')
    assert.ok(attempts.some((a) => a.hash === outcome.hash))
    assert.equal(Number(row.nonce), tx.nonce)
    assert.equal(await tokensOf(), before + 1n, 'one token, not one per version')
  })

  it('a worker killed between signing and sending: the next attempt sends the journalled bytes, and one token is minted', async () => {
    const before = await tokensOf()
    const m = mint('crash')
    const { stdout } = await run(process.execPath, ['--import', 'tsx', new URL('./journal-crash-child.ts', import.meta.url).pathname,
      testStack().env.DATABASE_URL, node.rpcUrl, m.key, m.to, m.data]).catch((err: { stdout: string; signal?: string }) => {
      assert.equal(err.signal, 'SIGKILL', 'the child died by SIGKILL')
      return err
    })
    const signed = JSON.parse(stdout.trim()) as { hash: Hex; nonce: number }
    assert.equal(await clients.public.getTransaction({ hash: signed.hash }).catch(() => null), null, 'nothing was sent before the crash')
    // a journal that never bumps within this test, so the very bytes signed before the crash are the ones mined
    const patient = createTxJournal({ db, chain: async () => clients, signer: minter, confirmations: 2, stuckAfterMs: 600_000 })
    const resumed = await patient.prepare(m)
    assert.deepEqual([resumed.attempts.length, resumed.attempts[0]!.hash, resumed.nonce], [1, signed.hash, signed.nonce], 'the same signed bytes, not a new signature')
    await patient.broadcast(m.key)
    const outcome = await patient.confirm(m.key, 30_000)
    assert.equal(outcome.hash, signed.hash)
    assert.equal(await tokensOf(), before + 1n)
  })
})
