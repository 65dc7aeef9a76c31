/**
 * Rebuilds a read model from the whole log into fresh tables and swaps them in once caught up, while the app
 * keeps serving the live one (DATABASE_URL):
 *
 *   npm run projections:rebuild -- board        (or task_list)
 */
import { getPool } from "../server/db";
import { projectors } from "../server/read-models";
import { rebuild } from "../server/projectors";

const name = process.argv[2];
const projector = name ? projectors[name] : undefined;
if (!projector) {
  console.error(`usage: npm run projections:rebuild -- <${Object.keys(projectors).join(" | ")}>`);
  process.exit(2);
}

const pool = getPool();
const started = Date.now();
const events = await rebuild(pool, projector, {
  onProgress: ({ events, position, target }) =>
    console.log(`${projector.name}: ${events} events replayed, at position ${position} of ${target}`),
});
await pool.end();
console.log(`${projector.name} rebuilt from ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s and swapped in`);
