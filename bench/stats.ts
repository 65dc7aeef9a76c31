/** Latency summaries shared by the benches: nearest-rank quantiles over the samples of one scenario. */
export function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

/** Milliseconds with two decimals below 10 and none above: the precision a noisy machine supports. */
export const ms = (n: number) => n.toFixed(n < 10 ? 2 : 0);

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
