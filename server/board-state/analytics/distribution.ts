const HOUR = 3_600_000;
/** Bin widths a histogram may use, smallest first: the first that needs at most MAX_BINS bins is taken. */
const BIN_WIDTHS = [1, 2, 6, 12, 24, 48, 72, 120, 168, 336, 720, 1440, 2160, 4320, 8760].map((hours) => hours * HOUR);
const MAX_BINS = 20;

/** Count, mean and nearest-rank percentiles of some durations (null for none). */
export function percentiles(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? sorted[Math.ceil((p / 100) * sorted.length) - 1]! : null);
  return {
    count: sorted.length,
    meanMs: sorted.length ? sorted.reduce((sum, d) => sum + d, 0) / sorted.length : null,
    p50Ms: rank(50),
    p85Ms: rank(85),
    p95Ms: rank(95),
  };
}

/**
 * Lead and cycle times counted in the same bins [fromMs, toMs), from 0 up to the longest, so they can be
 * drawn side by side. The width is the smallest of a few round ones (an hour … a year) that needs at most
 * 20 bins.
 */
export function durationHistogram(series: { lead: number[]; cycle: number[] }) {
  const longest = Math.max(0, ...series.lead, ...series.cycle);
  const binMs = BIN_WIDTHS.find((width) => longest / width < MAX_BINS) ?? Math.ceil(longest / MAX_BINS / HOUR + 1) * HOUR;
  const count = series.lead.length + series.cycle.length ? Math.floor(longest / binMs) + 1 : 0;
  const bins = Array.from({ length: count }, (_, i) => ({ fromMs: i * binMs, toMs: (i + 1) * binMs, lead: 0, cycle: 0 }));
  for (const d of series.lead) bins[Math.floor(d / binMs)]!.lead++;
  for (const d of series.cycle) bins[Math.floor(d / binMs)]!.cycle++;
  return { binMs, bins };
}
