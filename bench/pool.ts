/** Shared measuring helpers of the benchmarks. */

/** The p-th percentile of an ascending list. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** Runs `run` over `items`, `concurrency` at a time; returns the wall time in seconds. */
export async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<number> {
  const t0 = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < items.length) await run(items[next++]!) }))
  return (performance.now() - t0) / 1000
}
