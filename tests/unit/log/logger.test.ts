import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../server/log/logger";
import { withCorrelationId } from "../../../server/log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe("logger", () => {
  it("writes JSON lines carrying the correlation id of the request being served, also after an await", async () => {
    const { lines, stream } = capture();
    const log = createLogger(stream, "info");
    log.info("outside");
    await withCorrelationId("req-1", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info({ path: "task.move" }, "inside");
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => [l.msg, l.correlationId])).toEqual([
      ["outside", undefined],
      ["inside", "req-1"],
    ]);
    expect(lines[1]).toMatchObject({ level: 30, service: "chronoboard", path: "task.move" });
  });
});
