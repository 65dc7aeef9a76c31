import { afterAll } from "vitest";
import { getPool } from "../../../server/db/pool";
import { projectors } from "../../../server/projections/registry";
import { ProjectorRunner } from "../../../server/projections/runner/runner";

/*
 * board.get reads the board read model, so the board projector runs alongside every test file, as it runs in
 * the app (one leads across the test processes). Events some tests append malformed on purpose are parked
 * quickly rather than holding the others up.
 */
const stop = new AbortController();
void new ProjectorRunner(projectors.board!, { pool: getPool(), retry: { attempts: 2, backoffMs: 1 }, onError: () => {} }).start(stop.signal);
afterAll(() => stop.abort());
