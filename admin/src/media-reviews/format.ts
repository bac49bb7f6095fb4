/** Small formatters of the review queue: durations, countdowns, sizes. */

const pad = (n: number) => String(n).padStart(2, '0')

/** 75.4 -> '1:15', 3725 -> '1:02:05'. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const total = Math.max(0, Math.floor(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

/** A span as people say it: '45 m', '3 h 12 m', '2 d 4 h'. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000))
  if (minutes < 60) return `${minutes} m`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} m` : `${hours} h`
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${Math.floor(hours / 24)} d`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

// a threshold the brand's policy does not act on is null: shown as a dash
export const formatScore = (score: number | null | undefined) => (typeof score === 'number' ? score.toFixed(2) : '—')

export const formatDateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—')
