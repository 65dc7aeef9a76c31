/**
 * Projection rebuild speed: every read model replayed from the whole log into a fresh table and swapped
 * in (server/projectors/runner/rebuild.ts, what `npm run projections:rebuild` runs), on a generated history.
 */
import type pg from "pg";
import { projectors } from "../server/read-models";
import { BATCH, rebuild } from "../server/projectors";
import { logHistory, logSize } from "./log-history";
import type { Section } from "./report";

const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

export async function rebuildBench(pool: pg.Pool): Promise<Section[]> {
  const history = await logHistory(pool);
  const lines = ["| read model | events replayed | seconds | events/s |", "|---|---|---|---|"];
  for (const projector of Object.values(projectors)) {
    const started = performance.now();
    const events = await rebuild(pool, projector);
    const seconds = (performance.now() - started) / 1000;
    lines.push(`| \`${projector.name}\` | ${thousands(events)} | ${seconds.toFixed(1)} | ${thousands(events / seconds)} |`);
    console.log(lines.at(-1));
  }
  return [
    {
      title: logSize("Projection rebuild"),
      body: `\`bench/rebuild.ts\`: each read model of \`server/read-models/registry.ts\` rebuilt as \`npm run projections:rebuild\`
does (batches of ${thousands(BATCH)} events from the ordered feed, each batch one transaction with its checkpoint, then the swap),
from the whole log: a generated project history of ${thousands(history.events)} events over ${thousands(history.tasks)} tasks
(100,000 by default, 1,000,000 with \`BENCH_FULL=1\`), plus whatever the benches before it in the run appended (events of other
streams, which a read model may skip).

${lines.join("\n")}
`,
    },
  ];
}
