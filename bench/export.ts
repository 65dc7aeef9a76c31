/**
 * Compliance export speed and memory: the streamed zip (server/audit/export) of a generated project history,
 * read to the end as a client would, in a process of its own whose peak memory is the export's.
 */
import { spawn } from "node:child_process";
import type pg from "pg";
import { sealCommitted } from "../server/audit";
import type { ExportFormat } from "../server/domain";
import type { ExportRun } from "./export-worker";
import { logHistory, logSize } from "./log-history";
import type { Section } from "./report";

const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Runs one export in a process of its own (export-worker.ts) and reads what it measured. */
function exportInProcess(projectId: string, format: ExportFormat): Promise<ExportRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/export-worker.ts", projectId, format], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ExportRun);
      else reject(new Error(`bench/export-worker.ts ${format} exited with ${code}`));
    });
  });
}

export async function exportBench(pool: pg.Pool): Promise<Section[]> {
  const history = await logHistory(pool);
  const started = performance.now();
  await sealCommitted(pool, { timeoutMs: 3_600_000 });
  const sealSeconds = (performance.now() - started) / 1000;
  const lines = [
    "| format | events | seconds | events/s | zip MB | peak heap MB | peak RSS MB (at start) |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const format of ["ndjson", "csv"] as ExportFormat[]) {
    const run = await exportInProcess(history.projectId, format);
    lines.push(
      `| ${format} | ${thousands(run.events)} | ${run.seconds.toFixed(1)} | ${thousands(run.events / run.seconds)} | ${(run.bytes / 1e6).toFixed(1)} | ${mib(run.peakHeap)} | ${mib(run.peakRss)} (${mib(run.startRss)}) |`,
    );
    console.log(lines.at(-1));
  }
  return [
    {
      title: logSize("Compliance export"),
      body: `\`bench/export.ts\`: the export of a whole generated project history (${thousands(history.events)} events;
100,000 by default, 1,000,000 with \`BENCH_FULL=1\`) as \`GET /api/v1/projects/{id}/export\` streams it (\`exportArchive\`: events read from the
hash chain in batches of 1,000 and zipped as the reader pulls), drained without HTTP, each in a Node process of its own
(\`bench/export-worker.ts\`) that does nothing else: its peak RSS is the kernel's count (\`getrusage\` maxrss), with in
brackets its RSS before the export began; the heap's peak is sampled every 10 ms. Sealing the
history first (the chain the export reads) took ${sealSeconds.toFixed(1)} s (${thousands(history.events / sealSeconds)} events/s).

${lines.join("\n")}
`,
    },
  ];
}
