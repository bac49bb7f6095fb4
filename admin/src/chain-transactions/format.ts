/** Chain figures for people: fees in gwei, long hex shortened for dense tables. */

const GWEI = 1_000_000_000n

/** '1500000000' wei -> '1.5 gwei'; up to three decimals, no float rounding on the way. */
export function formatGwei(wei: string | null | undefined): string {
  if (!wei || !/^\d+$/.test(wei)) return '—'
  const value = BigInt(wei)
  const whole = value / GWEI
  const milli = ((value % GWEI) * 1000n) / GWEI
  const fraction = milli === 0n ? '' : `.${String(milli).padStart(3, '0').replace(/0+$/, '')}`
  return `${whole}${fraction} gwei`
}

/** How much higher a bumped fee is than the one before it: '+12.5 %' (null for the first attempt or unreadable fees). */
export function bumpText(previous: string | undefined, current: string): string | null {
  if (!previous || !/^\d+$/.test(previous) || !/^\d+$/.test(current) || BigInt(previous) === 0n) return null
  const tenths = ((BigInt(current) - BigInt(previous)) * 1000n) / BigInt(previous)
  const sign = tenths < 0n ? '-' : '+'
  const abs = tenths < 0n ? -tenths : tenths
  return `${sign}${abs / 10n}.${abs % 10n} %`
}

/** '0x1234…cdef' for hashes and addresses in tables; the whole value stays on hover. */
export const shortHex = (hex: string | null | undefined, keep = 6) =>
  !hex ? '—' : hex.length <= keep * 2 + 3 ? hex : `${hex.slice(0, keep + 2)}…${hex.slice(-keep)}`

export const mono = { fontFamily: 'monospace', fontSize: '0.8rem' } as const
