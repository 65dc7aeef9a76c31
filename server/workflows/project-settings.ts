import { projectDecider, type ProjectState } from "../domain";
import type { Db } from "../db";
import { loadAggregate } from "../eventstore";

/**
 * The project's rules and saga settings as they were when an event happened: an event is handled by the
 * automation in force at its time, so rules added later never fire on old events, and a replay decides alike.
 */
export async function projectAt(db: Db, projectId: string, at?: Date): Promise<ProjectState> {
  const { state } = await loadAggregate(db, { aggregateType: "project", aggregateId: projectId }, projectDecider, at ? { until: at } : {});
  return state;
}
