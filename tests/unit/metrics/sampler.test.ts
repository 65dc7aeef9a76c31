import { afterEach, describe, expect, it, vi } from "vitest";
import { metricsSampler, recordAppend, recordHandlerError, SAMPLE_EVERY_MS, setProjectionHealth } from "../../../server/metrics";

afterEach(() => {
  vi.useRealTimers();
});

describe("metricsSampler", () => {
  it("turns the counters' and the latency histogram's growth over each interval into rates, an average and a p95", async () => {
    vi.useFakeTimers();
    const refresh = vi.fn(async () => setProjectionHealth([{ projector: "task_list", events: 7, seconds: 2 }], [{ projector: "task_list", status: "parked", count: 2 }]));
    metricsSampler().start(refresh, (error) => {
      throw error;
    });
    await vi.advanceTimersByTimeAsync(0); // the first reading, which only sets the baseline
    expect(metricsSampler().samples()).toEqual([]);

    recordAppend([{ eventType: "TaskCreated" }, { eventType: "TaskRenamed" }], 4);
    recordAppend([{ eventType: "TaskCreated" }], 20);
    recordHandlerError("task_list", "TaskMoved");
    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS);

    const [point] = metricsSampler().samples();
    expect(point).toMatchObject({ deadLetters: 2, lagEvents: { task_list: 7 }, liveClients: 0 });
    expect(point!.eventsPerSecond).toBeCloseTo(3 / (SAMPLE_EVERY_MS / 1000));
    expect(point!.handlerErrorsPerSecond).toBeCloseTo(1 / (SAMPLE_EVERY_MS / 1000));
    expect(point!.appendAvgMs).toBeCloseTo(12);
    // Two appends: 4 ms in the bucket up to 5 ms, 20 ms in (10, 25]; rank 1.9 of 2 falls 90 % into the latter.
    expect(point!.appendP95Ms).toBeCloseTo(23.5);

    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS);
    expect(metricsSampler().samples()[1]).toMatchObject({ eventsPerSecond: 0, appendAvgMs: null, appendP95Ms: null });
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
