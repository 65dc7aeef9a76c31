import type { Decider } from "../decider";
import type { TaskEvent } from "../events";
import type { TaskCommand } from "./commands";
import { decideTask } from "./decide";
import { evolveTask } from "./evolve";
import { initialTaskState, type TaskState } from "./state";

export const taskDecider: Decider<TaskState, TaskCommand, TaskEvent> = {
  decide: decideTask,
  evolve: evolveTask,
  initialState: initialTaskState,
  stateSchemaVersion: 2,
};
