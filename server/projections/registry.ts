import { boardProjector } from "./board-read-model/projector";
import type { TableProjector } from "./runner/projector";
import { taskListProjector } from "./task-list/projector";

/** The read models the app keeps, by name: each runs in the background and can be rebuilt. */
export const projectors: Record<string, TableProjector> = {
  task_list: taskListProjector(),
  board: boardProjector(),
};
