import assert from 'node:assert/strict'
import { addressProblem, toChecksumAddress } from './evm-address.ts'

// the test vectors of EIP-55
const EIP55 = [
  '0x52908400098527886E0F7030069857D2E4169EE7', '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77', '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
]

describe('EVM addresses', () => {
  for (const address of EIP55) {
    it(`checksums ${address}`, () => {
      assert.equal(toChecksumAddress(address.toLowerCase()), address)
      assert.equal(toChecksumAddress(`0x${address.slice(2).toUpperCase()}`), address)
      assert.equal(addressProblem(address), null)
    })
  }

  const cases: [address: string, problem: ReturnType<typeof addressProblem>][] = [
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', null], // all lower: no checksum to check
    ['0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED', null], // all upper: no checksum to check
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'CHECKSUM'], // one letter's case flipped
    ['0x0000000000000000000000000000000000000000', 'ZERO'],
    ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'FORMAT'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', 'FORMAT'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd', 'FORMAT'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg', 'FORMAT'],
    ['', 'FORMAT'],
  ]
  for (const [address, problem] of cases) {
    it(`${address || '(empty)'} -> ${problem ?? 'valid'}`, () => assert.equal(addressProblem(address), problem))
  }

  it('refuses to checksum what is not an address', () => assert.throws(() => toChecksumAddress('0x12'), RangeError))
})
