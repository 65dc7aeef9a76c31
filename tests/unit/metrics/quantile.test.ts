import { describe, expect, it } from "vitest";
import { bucketDelta, histogramQuantile } from "../../../server/metrics/quantile";

describe("histogramQuantile", () => {
  it("interpolates inside the bucket the quantile falls in, as Prometheus does", () => {
    // 10 observations ≤ 1, 10 more in (1, 2], none above.
    const buckets = [
      { le: 1, count: 10 },
      { le: 2, count: 20 },
      { le: Infinity, count: 20 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBe(1);
    expect(histogramQuantile(0.75, buckets)).toBe(1.5);
    expect(histogramQuantile(0.25, buckets)).toBe(0.5);
    expect(histogramQuantile(1, buckets)).toBe(2);
  });

  it("answers the highest finite bound for a quantile in the +Inf bucket, and null without observations", () => {
    expect(histogramQuantile(0.95, [{ le: 1, count: 1 }, { le: Infinity, count: 10 }])).toBe(1);
    expect(histogramQuantile(0.95, [{ le: 1, count: 0 }, { le: Infinity, count: 0 }])).toBeNull();
  });
});

describe("bucketDelta", () => {
  it("keeps only the observations made between two readings", () => {
    const before = [{ le: 1, count: 4 }, { le: Infinity, count: 5 }];
    const now = [{ le: 1, count: 6 }, { le: Infinity, count: 9 }];
    expect(bucketDelta(now, before)).toEqual([{ le: 1, count: 2 }, { le: Infinity, count: 4 }]);
  });
});
