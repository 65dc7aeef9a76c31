/**
 * Compliance export speed and memory: the streamed zip (server/audit/export) of a generated project history,
 * read to the end as a client would, with the process's heap and RSS sampled meanwhile.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { exportArchive } from "../server/audit/export/archive";
import { chainSegment } from "../server/audit/export/segment";
import { sealCommitted } from "../server/audit/sealer";
import type { ExportFormat } from "../server/domain/events/fields";
import { logHistory } from "./log-history";
import type { Section } from "./report";

const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Reads a stream to its end; returns its size. */
async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) size += read.value.byteLength;
  return size;
}

/** Runs the work while sampling memory every 10 ms; the peaks are what the work added to the baseline. */
async function withPeakMemory<T>(work: () => Promise<T>) {
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  }, 10);
  try {
    const value = await work();
    return { value, heap, rss, heapAdded: heap - base.heapUsed, rssAdded: rss - base.rss };
  } finally {
    clearInterval(timer);
  }
}

export async function exportBench(pool: pg.Pool): Promise<Section[]> {
  const history = await logHistory(pool);
  let started = performance.now();
  await sealCommitted(pool, { timeoutMs: 3_600_000 });
  const sealSeconds = (performance.now() - started) / 1000;
  const lines = ["| format | events | seconds | events/s | zip MB | peak heap MB (added) | peak RSS MB (added) |", "|---|---|---|---|---|---|---|"];
  for (const format of ["ndjson", "csv"] as ExportFormat[]) {
    started = performance.now();
    const range = { from: null, to: null };
    const run = await withPeakMemory(async () => {
      const segment = await chainSegment(pool, history.projectId, range);
      const body = exportArchive(pool, {
        project: { id: history.projectId, name: "Benchmark history" },
        range,
        segment,
        format,
        generatedAt: new Date(),
        generatedBy: { userId: "bench-ada", name: "bench-ada" },
        exportEventId: randomUUID(),
      });
      return { events: segment.eventCount, bytes: await drain(body) };
    });
    const seconds = (performance.now() - started) / 1000;
    const { events, bytes } = run.value;
    lines.push(
      `| ${format} | ${thousands(events)} | ${seconds.toFixed(1)} | ${thousands(events / seconds)} | ${(bytes / 1e6).toFixed(1)} | ${mib(run.heap)} (+${mib(run.heapAdded)}) | ${mib(run.rss)} (+${mib(run.rssAdded)}) |`,
    );
    console.log(lines.at(-1));
  }
  return [
    {
      title: "Compliance export",
      body: `\`bench/export.ts\`: the export of a whole generated project history (${thousands(history.events)} events;
1,000,000 with \`BENCH_FULL=1\`) as \`GET /api/v1/projects/{id}/export\` streams it (\`exportArchive\`: events read from the
hash chain in batches of 1,000 and zipped as the reader pulls), drained in this process without HTTP. Memory is the
process's, sampled every 10 ms: the peak, and in brackets what it added to the level before the export. Sealing the
history first (the chain the export reads) took ${sealSeconds.toFixed(1)} s (${thousands(history.events / sealSeconds)} events/s).

${lines.join("\n")}
`,
    },
  ];
}
