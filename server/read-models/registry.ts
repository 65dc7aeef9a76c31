import { boardProjector } from "./board/projector";
import type { TableProjector } from "../projectors";
import { taskListProjector } from "./task-list/projector";

/** The read models the app keeps, by name: each runs in the background and can be rebuilt. */
export const projectors: Record<string, TableProjector> = {
  task_list: taskListProjector(),
  board: boardProjector(),
};
