import { router } from "../trpc";
import { createTask } from "./create";
import {
  addLabel,
  archiveTask,
  assignTask,
  changeDescription,
  changePriority,
  clearDueDate,
  commentOnTask,
  removeLabel,
  renameTask,
  restoreTask,
  setDueDate,
  unassignTask,
} from "./field-commands";
import { getTask } from "./get";
import { moveTask } from "./move";

export const taskRouter = router({
  get: getTask,
  create: createTask,
  move: moveTask,
  rename: renameTask,
  changeDescription,
  assign: assignTask,
  unassign: unassignTask,
  changePriority,
  setDueDate,
  clearDueDate,
  addLabel,
  removeLabel,
  comment: commentOnTask,
  archive: archiveTask,
  restore: restoreTask,
});
