/**
 * One compliance export in a process of its own (bench/export.ts starts it), so that the process's peak RSS
 * as the kernel counts it (getrusage's maxrss, not sampled) is the export's: Node, a pool and the stream.
 *
 *   node --import tsx bench/export-worker.ts <projectId> <ndjson|csv>   → one line of JSON on stdout
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { activeSigningKey, chainSegment, exportArchive, exportProof } from "../server/audit";
import type { ExportFormat } from "../server/domain";

export interface ExportRun {
  events: number;
  bytes: number;
  seconds: number;
  /** The heap's peak, sampled every 10 ms while the export ran. */
  peakHeap: number;
  /** The process's peak resident set over its life (it did nothing else), and its resident set before the export. */
  peakRss: number;
  startRss: number;
}

/** Reads a stream to its end; returns its size. */
async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) size += read.value.byteLength;
  return size;
}

async function main() {
  const [projectId, format] = process.argv.slice(2) as [string, ExportFormat];
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL });
  const startRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 10);
  const started = performance.now();
  const range = { from: null, to: null };
  const segment = await chainSegment(pool, projectId, range);
  const signingKey = await activeSigningKey(pool);
  const body = exportArchive(pool, {
    project: { id: projectId, name: "Benchmark history" },
    range,
    segment,
    proof: await exportProof(pool, projectId, segment),
    signingKey,
    publicKeys: {},
    format,
    generatedAt: new Date(),
    generatedBy: { userId: "bench-ada", name: "bench-ada" },
    exportEventId: randomUUID(),
  });
  const bytes = await drain(body);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const run: ExportRun = { events: segment.eventCount, bytes, seconds, peakHeap, peakRss: process.resourceUsage().maxRSS * 1024, startRss };
  console.log(JSON.stringify(run));
  await pool.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
