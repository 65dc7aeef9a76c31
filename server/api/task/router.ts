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
import { taskAsOf } from "./as-of";
import { getTask } from "./get";
import { getTaskHistory } from "./history";
import { listTasks } from "./list";
import { moveTask } from "./move";
import { approveTask, assignReviewer, releaseReviewer, requestChanges } from "./review-commands";
import { revertTaskTo } from "./revert-to";
import { undoLastChange } from "./undo-last";

export const taskRouter = router({
  get: getTask,
  list: listTasks,
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
  asOf: taskAsOf,
  history: getTaskHistory,
  revertTo: revertTaskTo,
  undoLast: undoLastChange,
  assignReviewer,
  releaseReviewer,
  approve: approveTask,
  requestChanges,
});
