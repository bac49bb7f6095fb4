import assert from 'node:assert/strict'
import { recoverMessageAddress } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { ANVIL_DEV_MNEMONIC } from './anvil-process.ts'
import { createMnemonicCustody, custodyPath } from './custody.ts'

describe('mnemonic custody', () => {
  const custody = createMnemonicCustody(ANVIL_DEV_MNEMONIC)

  it('gives an owner the same wallet every time, also from a fresh instance', async () => {
    const first = await custody.accountFor('fan-1')
    const again = await createMnemonicCustody(ANVIL_DEV_MNEMONIC).accountFor('fan-1')
    assert.equal(again.address, first.address)
  })

  it('gives different owners different wallets, none of them the plain BIP-44 accounts', async () => {
    const owners = ['fan-1', 'fan-2', 'Fan-1', 'fan-1 ', '0a6e3f1c-7d2b-4e59-9f0a-3c8d1b2e4f60']
    const addresses = await Promise.all(owners.map(async (owner) => (await custody.accountFor(owner)).address))
    assert.equal(new Set(addresses).size, owners.length)
    const plain = [0, 1, 2].map((addressIndex) => mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex }).address)
    assert.deepEqual(addresses.filter((a) => plain.includes(a)), [])
  })

  it('derives at the documented path, so a standard wallet can recover the keys', async () => {
    const path = custodyPath('fan-1')
    assert.match(path, /^m\/44'\/60'\/\d+'\/\d+\/\d+$/)
    const indexes = path.split('/').slice(3).map((part) => Number.parseInt(part, 10))
    assert.ok(indexes.every((i) => i >= 0 && i < 2 ** 31), `${path} uses non-hardened-range indexes`)
    assert.equal((await custody.accountFor('fan-1')).address, mnemonicToAccount(ANVIL_DEV_MNEMONIC, { path }).address)
  })

  it('signs with the owner key (a signature recovers to the wallet address)', async () => {
    const account = await custody.accountFor('fan-1')
    const signature = await account.signMessage({ message: 'fanz' })
    assert.equal(await recoverMessageAddress({ message: 'fanz', signature }), account.address)
  })

  it('refuses an empty owner id rather than hand out a shared wallet', async () => {
    await assert.rejects(custody.accountFor(''), /owner id/)
    await assert.rejects(custody.accountFor('   '), /owner id/)
  })

  it('refuses a mistyped mnemonic at construction', () => {
    assert.throws(() => createMnemonicCustody(ANVIL_DEV_MNEMONIC.replace('junk', 'test')), /checksum/)
  })
})
