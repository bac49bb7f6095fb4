import assert from 'node:assert/strict'
import { getContract, keccak256, parseEventLogs, stringToHex, type Address, type Hex, type LocalAccount, type TransactionReceipt } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { formatAbiItem } from 'viem/utils'
import { collectiblesAbi } from './abis.ts'
import { ANVIL_DEV_MNEMONIC, startAnvil, type AnvilProcess } from './anvil-process.ts'
import { connectChain, type ChainClients } from './clients.ts'
import { CONTRACTS, compileContracts } from './compile.ts'
import { waitForConfirmations } from './confirmations.ts'
import { deterministicAddress } from './deploy.ts'
import { setupLocalCollectibles } from './local-setup.ts'
import { revertName } from './reverts.ts'

const account = (addressIndex: number) => mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex })
const id = (label: string): Hex => keccak256(stringToHex(label))
type Write = 'createEdition' | 'mint' | 'hideEdition' | 'unhideEdition'

describe('FanzCollectibles contract', function () {
  this.timeout(30_000)
  let node: AnvilProcess
  let clients: ChainClients
  let address: Address
  // the admin deploys and manages roles; only the minter (the platform's sending key) touches editions
  const [admin, minter, creator, fan, stranger, collector] = [account(0), account(7), account(8), account(3), account(6), account(9)]
  let labels = 0
  const fresh = (kind: string) => id(`${kind}-${++labels}`)

  before(async () => {
    node = await startAnvil({ blockTimeSeconds: 0.2 })
    clients = await connectChain(node.rpcUrl, { pollingIntervalMs: 25 })
    address = await setupLocalCollectibles(clients, admin, minter.address)
  })
  after(() => node.stop())

  const view = () => getContract({ address, abi: collectiblesAbi, client: clients.public }).read
  /** 'success', or the name of the custom error the call reverted with; the receipt when it was mined. */
  async function send(from: LocalAccount, functionName: Write, args: readonly unknown[]): Promise<{ outcome: string; receipt?: TransactionReceipt }> {
    try {
      const hash = await clients.wallet(from).writeContract({ address, abi: collectiblesAbi, functionName, args } as never)
      const receipt = await waitForConfirmations(clients.public, hash, { confirmations: 1, timeoutMs: 10_000, pollingIntervalMs: 25 })
      return { outcome: receipt.status, receipt }
    } catch (err) {
      return { outcome: revertName(err) ?? String(err) }
    }
  }
  const outcome = async (from: LocalAccount, functionName: Write, args: readonly unknown[]) => (await send(from, functionName, args)).outcome
  async function newEdition(maxSupply = 10, royaltyBps = 750n): Promise<{ editionId: Hex; uri: string }> {
    const editionId = fresh('edition')
    const uri = `s3://fanz-collectibles/${editionId.slice(2)}`
    assert.equal(await outcome(minter, 'createEdition', [editionId, creator.address, maxSupply, royaltyBps, uri]), 'success')
    return { editionId, uri }
  }
  async function minted(editionId: Hex, to: Address = fan.address): Promise<{ tokenId: bigint; receipt: TransactionReceipt }> {
    const { outcome: status, receipt } = await send(minter, 'mint', [editionId, to, fresh('mint')])
    assert.equal(status, 'success')
    const [event] = parseEventLogs({ abi: collectiblesAbi, logs: receipt!.logs, eventName: 'Minted' })
    assert.ok(event, 'a Minted event')
    return { tokenId: event.args.tokenId, receipt: receipt! }
  }

  it('says nothing in its typed ABI that the compiled contract does not', async () => {
    const compiled = new Set((await compileContracts())[CONTRACTS.collectibles].abi
      .filter((item) => item.type !== 'constructor').map((item) => formatAbiItem(item)))
    assert.deepEqual(collectiblesAbi.map((item) => formatAbiItem(item)).filter((signature) => !compiled.has(signature)), [])
  })

  it('lives at the address fixed by code and roles: on a second setup and on a fresh chain', async () => {
    const artifact = (await compileContracts())[CONTRACTS.collectibles]
    assert.equal(address, deterministicAddress(artifact, [admin.address, minter.address]))
    const nonce = await clients.public.getTransactionCount({ address: admin.address })
    assert.equal(await setupLocalCollectibles(clients, admin, minter.address), address)
    assert.equal(await clients.public.getTransactionCount({ address: admin.address }), nonce, 'no transaction the second time')
    const other = await startAnvil({ blockTimeSeconds: 0.2 })
    try {
      assert.equal(await setupLocalCollectibles(await connectChain(other.rpcUrl, { pollingIntervalMs: 25 }), admin, minter.address), address)
    } finally {
      await other.stop()
    }
    assert.notEqual(deterministicAddress(artifact, [admin.address, stranger.address]), address, 'another minter, another contract')
  })

  it('declares ERC-721, ERC-2981, ERC-4906 and AccessControl', async () => {
    for (const interfaceId of ['0x80ac58cd', '0x5b5e139f', '0x2a55205a', '0x49064906', '0x7965db0b'] as const) {
      assert.equal(await view().supportsInterface([interfaceId]), true, interfaceId)
    }
    assert.equal(await view().supportsInterface(['0xffffffff']), false)
  })

  it('creates an edition once, as given, and refuses malformed ones', async () => {
    const { editionId, uri } = await newEdition(25, 1_000n)
    assert.deepEqual(await view().edition([editionId]), [creator.address, 25, 0, false, 1_000n, uri])
    assert.equal(await outcome(minter, 'createEdition', [editionId, creator.address, 25, 1_000n, uri]), 'EditionExists')
    const malformed: [string, readonly unknown[]][] = [
      ['ZeroCreator', [fresh('edition'), '0x0000000000000000000000000000000000000000', 5, 0n, uri]],
      ['ZeroSupply', [fresh('edition'), creator.address, 0, 0n, uri]],
      ['RoyaltyTooHigh', [fresh('edition'), creator.address, 5, 10_001n, uri]],
      ['EmptyURI', [fresh('edition'), creator.address, 5, 0n, '']],
    ]
    for (const [error, args] of malformed) assert.equal(await outcome(minter, 'createEdition', args), error)
  })

  it('mints the next serial to the collector, with the edition metadata; records the mint id', async () => {
    const { editionId, uri } = await newEdition()
    const first = await minted(editionId, collector.address)
    const second = await minted(editionId, collector.address)
    assert.equal(second.tokenId, first.tokenId + 1n)
    assert.deepEqual(await view().editionOf([second.tokenId]), [editionId, 2])
    assert.equal(await view().ownerOf([second.tokenId]), collector.address)
    assert.equal(await view().tokenURI([second.tokenId]), uri)
    const [event] = parseEventLogs({ abi: collectiblesAbi, logs: second.receipt.logs, eventName: 'Minted' })
    assert.ok(event)
    assert.deepEqual([event.args.editionId, event.args.to], [editionId, collector.address])
    assert.equal(await view().mintOf([event.args.mintId]), second.tokenId)
    assert.equal(await view().mintOf([id('never minted')]), 0n)
    assert.equal((await view().edition([editionId]))[2], 2)
    // the first mint to a holder writes a new balance slot; later ones update it
    assert.ok(first.receipt.gasUsed < 150_000n && second.receipt.gasUsed < first.receipt.gasUsed)
    console.log(`      gas per mint: ${first.receipt.gasUsed} (holder's first token), ${second.receipt.gasUsed} (holder's next)`)
  })

  const sales: [bigint, bigint][] = [[1_000_000n, 75_000n], [1n, 0n], [10n ** 18n, 75n * 10n ** 15n]]
  it('pays royalties to the creator: price * bps / 10000', async () => {
    const { tokenId } = await minted((await newEdition(3, 750n)).editionId)
    for (const [price, royalty] of sales) assert.deepEqual(await view().royaltyInfo([tokenId, price]), [creator.address, royalty])
  })

  it('refuses a repeated mint id and mints nothing', async () => {
    const { editionId } = await newEdition()
    const mintId = fresh('mint')
    assert.equal(await outcome(minter, 'mint', [editionId, fan.address, mintId]), 'success')
    const balance = await view().balanceOf([fan.address])
    assert.equal(await outcome(minter, 'mint', [editionId, fan.address, mintId]), 'MintExists')
    assert.equal(await outcome(minter, 'mint', [(await newEdition()).editionId, stranger.address, mintId]), 'MintExists')
    assert.equal(await view().balanceOf([fan.address]), balance)
    assert.equal(await view().balanceOf([stranger.address]), 0n)
    assert.equal((await view().edition([editionId]))[2], 1)
  })

  it('stops at the edition size, refuses unknown editions and contracts that cannot hold tokens', async () => {
    const { editionId } = await newEdition(2)
    await minted(editionId)
    await minted(editionId)
    assert.equal(await outcome(minter, 'mint', [editionId, fan.address, fresh('mint')]), 'EditionSoldOut')
    assert.equal(await outcome(minter, 'mint', [id('no such edition'), fan.address, fresh('mint')]), 'UnknownEdition')
    const mintId = fresh('mint')
    assert.equal(await outcome(minter, 'mint', [(await newEdition()).editionId, address, mintId]), 'ERC721InvalidReceiver')
    assert.equal(await view().mintOf([mintId]), 0n, 'the failed mint did not use up its id')
  })

  it('lets only the minter create, mint and take down; not even the admin', async () => {
    const { editionId } = await newEdition()
    for (const caller of [stranger, admin]) {
      assert.equal(await outcome(caller, 'createEdition', [fresh('edition'), creator.address, 5, 0n, 'ipfs://x']), 'AccessControlUnauthorizedAccount')
      assert.equal(await outcome(caller, 'mint', [editionId, caller.address, fresh('mint')]), 'AccessControlUnauthorizedAccount')
      assert.equal(await outcome(caller, 'hideEdition', [editionId]), 'AccessControlUnauthorizedAccount')
      assert.equal(await outcome(caller, 'unhideEdition', [editionId]), 'AccessControlUnauthorizedAccount')
    }
    assert.equal(await view().hasRole([keccak256(stringToHex('MINTER_ROLE')), minter.address]), true)
  })

  it('takes an edition down: tokens keep their owner, show the removed metadata, and no more are minted', async () => {
    const { editionId, uri } = await newEdition()
    const { tokenId } = await minted(editionId)
    const hidden = await send(minter, 'hideEdition', [editionId])
    assert.deepEqual(parseEventLogs({ abi: collectiblesAbi, logs: hidden.receipt!.logs }).map((log) => log.eventName),
      ['EditionTakenDown', 'BatchMetadataUpdate'])
    const [scheme, body = ''] = (await view().tokenURI([tokenId])).split(',')
    assert.equal(scheme, 'data:application/json;base64')
    assert.equal(JSON.parse(Buffer.from(body, 'base64').toString()).name, 'Removed')
    assert.equal(await view().ownerOf([tokenId]), fan.address)
    assert.equal(await outcome(minter, 'mint', [editionId, fan.address, fresh('mint')]), 'EditionHidden')
    assert.equal((await send(minter, 'hideEdition', [editionId])).receipt!.logs.length, 0, 'a repeated takedown succeeds and changes nothing')
    assert.equal(await outcome(minter, 'unhideEdition', [editionId]), 'success')
    assert.equal(await view().tokenURI([tokenId]), uri)
    await minted(editionId)
  })
})
