import { afterAll } from "vitest";
import { getPool } from "../../../server/db";
import { projectors } from "../../../server/read-models";
import { ProjectorRunner } from "../../../server/projectors";

/*
 * Reads such as board.get come from read models, so their projectors run alongside every test file, as they
 * run in the app (one process leads each). Events some tests append malformed on purpose are parked quickly
 * rather than holding the others up.
 */
const stop = new AbortController();
for (const projector of Object.values(projectors)) {
  void new ProjectorRunner(projector, { pool: getPool(), retry: { attempts: 2, backoffMs: 1 }, onError: () => {} }).start(stop.signal);
}
afterAll(() => stop.abort());
