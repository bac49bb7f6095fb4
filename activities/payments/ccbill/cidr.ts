/** IPv4 CIDR allow-lists: CCBill does not sign webhooks, it only posts from published address ranges. */

/** Dotted quad (or IPv4-mapped IPv6 '::ffff:a.b.c.d') to a 32-bit unsigned number; null for anything else. */
export function parseIpv4(address: string): number | null {
  const bare = address.trim().replace(/^::ffff:/i, '')
  const parts = bare.split('.')
  if (parts.length !== 4) return null
  let value = 0
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null
    value = value * 256 + Number(part)
  }
  return value
}

type Range = { base: number; mask: number }

/** '64.38.212.0/24' to a base and mask; throws on a malformed entry so a bad config fails at boot. */
export function parseCidr(cidr: string): Range {
  const [address = '', bitsText = '32'] = cidr.trim().split('/')
  const base = parseIpv4(address)
  const bits = Number(bitsText)
  if (base === null || !/^\d{1,2}$/.test(bitsText) || bits > 32) throw new RangeError(`'${cidr}' is not an IPv4 CIDR`)
  // shifting by 32 is a no-op in JS, so /0 is special-cased
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  return { base: (base & mask) >>> 0, mask }
}

/** A matcher over a list of CIDRs; IPv6 sources other than IPv4-mapped ones never match. */
export function createCidrMatcher(cidrs: readonly string[]): (address: string) => boolean {
  const ranges = cidrs.map(parseCidr)
  return (address) => {
    const ip = parseIpv4(address)
    return ip !== null && ranges.some(({ base, mask }) => ((ip & mask) >>> 0) === base)
  }
}
