/** EVM addresses: 0x and 40 hex digits, mixed case checked against EIP-55. Pure (keccak in JS). */
import { keccak_256 } from '@noble/hashes/sha3.js'

export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000'

/** The EIP-55 form of a 0x + 40 hex address: each letter upper-cased when its nibble of keccak(lower-case hex) is >= 8. */
export function toChecksumAddress(address: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new RangeError(`${address} is not 0x and 40 hex digits`)
  const hex = address.slice(2).toLowerCase()
  const hash = keccak_256(Uint8Array.from(hex, (c) => c.charCodeAt(0)))
  const nibble = (i: number) => ((hash[i >> 1] ?? 0) >> (i % 2 === 0 ? 4 : 0)) & 0xf
  return `0x${[...hex].map((c, i) => (nibble(i) >= 8 ? c.toUpperCase() : c)).join('')}`
}

/** Why an address is refused, or null: all-lower or all-upper hex carries no checksum; mixed case must match EIP-55. */
export function addressProblem(address: string): 'FORMAT' | 'CHECKSUM' | 'ZERO' | null {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return 'FORMAT'
  if (address.toLowerCase() === ZERO_ADDRESS) return 'ZERO'
  const hex = address.slice(2)
  const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase()
  return mixed && toChecksumAddress(address) !== address ? 'CHECKSUM' : null
}
