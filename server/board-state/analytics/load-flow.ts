import type { Db } from "../../db";
import { readProject } from "../../eventstore";
import { toBoardEvent } from "../board";
import { foldFlow, type FlowOptions } from "./flow";

/**
 * A project's flow analytics as of an instant: its events up to then in one ordered read, upcast as every
 * read is, then folded. Nothing is cached: the series depend on the range and the instant asked for.
 */
export async function loadFlow(db: Db, projectId: string, options: FlowOptions) {
  const events = await readProject(db, projectId, { until: options.asOf });
  return foldFlow(events.map(toBoardEvent), options);
}
