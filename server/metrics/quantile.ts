/** One bucket of a Prometheus histogram: observations at or below `le` (cumulative). */
export interface Bucket {
  le: number;
  count: number;
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside the bucket it falls in, as
 * Prometheus' histogram_quantile does; null without observations. A quantile in the +Inf bucket answers
 * the highest finite bound: the histogram knows no more.
 */
export function histogramQuantile(q: number, buckets: Bucket[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of sorted) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return lower;
      return lower + ((le - lower) * (rank - below)) / (count - below);
    }
    lower = le;
    below = count;
  }
  return lower;
}

/** The observations between two readings of the same histogram, bucket by bucket. */
export function bucketDelta(now: Bucket[], before: Bucket[]): Bucket[] {
  const earlier = new Map(before.map((b) => [b.le, b.count]));
  return now.map(({ le, count }) => ({ le, count: count - (earlier.get(le) ?? 0) }));
}
