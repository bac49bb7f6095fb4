import assert from 'node:assert/strict'
import { mnemonicToAccount } from 'viem/accounts'
import { ANVIL_DEV_MNEMONIC } from './anvil-process.ts'
import { assertValidMnemonic, masterKeyFromMnemonic } from './mnemonic.ts'

const VALID_24 = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon '
  + 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art'

describe('mnemonics', () => {
  const valid: [string, string][] = [
    ['12 words', ANVIL_DEV_MNEMONIC], ['24 words', VALID_24], ['12 words with extra spaces', `  ${ANVIL_DEV_MNEMONIC.replaceAll(' ', '   ')} `],
  ]
  for (const [label, phrase] of valid) {
    it(`accepts ${label}`, () => assert.doesNotThrow(() => assertValidMnemonic(phrase)))
  }

  const invalid: [string, string, RegExp][] = [
    ['a wrong last word (checksum)', 'test test test test test test test test test test test test', /checksum/],
    ['two words swapped', 'test test test test test test test test test test junk test', /checksum/],
    ['a word outside the list', 'test test test test test test test test test test test junkk', /word 12/],
    ['eleven words', 'test test test test test test test test test test junk', /not 11/],
    ['nothing', '', /not 1/],
  ]
  for (const [label, phrase, message] of invalid) {
    it(`refuses ${label}`, () => assert.throws(() => assertValidMnemonic(phrase), message))
  }

  it('derives the same keys as a standard BIP-39/BIP-44 wallet', () => {
    const master = masterKeyFromMnemonic(ANVIL_DEV_MNEMONIC)
    for (const path of ["m/44'/60'/0'/0/0", "m/44'/60'/7'/3/2147483647"] as const) {
      const ours = master.derive(path).privateKey
      const reference = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { path }).getHdKey().privateKey
      assert.ok(ours && reference)
      assert.deepEqual(Buffer.from(ours), Buffer.from(reference))
    }
  })
})
