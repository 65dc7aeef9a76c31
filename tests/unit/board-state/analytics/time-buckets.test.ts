import { describe, expect, it } from "vitest";
import { sampleCount } from "../../../../server/board-state";
import { sampleInstants, weeksCovering, weekStart } from "../../../../server/board-state/analytics/time-buckets";

const at = (iso: string) => new Date(iso);

describe("time buckets", () => {
  it("starts weeks on Monday 00:00 UTC, whatever the day and hour", () => {
    expect(weekStart(at("2026-11-29T23:59:59.999Z"))).toEqual(at("2026-11-23T00:00:00Z")); // a Sunday
    expect(weekStart(at("2026-11-30T00:00:00Z"))).toEqual(at("2026-11-30T00:00:00Z")); // a Monday
    expect(weekStart(at("2026-01-01T12:00:00Z"))).toEqual(at("2025-12-29T00:00:00Z")); // across a year
  });

  it("covers a range with the weeks it touches, the ends clipped", () => {
    expect(weeksCovering(at("2026-11-25T12:00:00Z"), at("2026-12-01T06:00:00Z"))).toEqual([
      { weekStart: at("2026-11-23T00:00:00Z"), from: at("2026-11-25T12:00:00Z"), to: at("2026-11-30T00:00:00Z") },
      { weekStart: at("2026-11-30T00:00:00Z"), from: at("2026-11-30T00:00:00Z"), to: at("2026-12-01T06:00:00Z") },
    ]);
    expect(weeksCovering(at("2026-12-01T00:00:00Z"), at("2026-11-30T00:00:00Z"))).toEqual([]);
  });

  it("samples from the start every bucket and at the end, and counts the samples the same way", () => {
    const from = at("2026-11-30T00:00:00Z");
    const end = at("2026-11-30T02:30:00Z");
    expect(sampleInstants(from, end, "hour")).toEqual([from, at("2026-11-30T01:00:00Z"), at("2026-11-30T02:00:00Z"), end]);
    expect(sampleCount(from, end, "hour")).toBe(4);
    expect(sampleInstants(from, at("2026-11-30T02:00:00Z"), "hour")).toHaveLength(sampleCount(from, at("2026-11-30T02:00:00Z"), "hour"));
    expect(sampleInstants(from, from, "day")).toEqual([from]);
  });
});
