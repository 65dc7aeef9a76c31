import { DomainError } from "../errors";
import type { BoardContext, TaskCommand } from "./commands";
import type { TaskState } from "./state";

/**
 * The commands that bring a task from its current state back to an earlier one, issued as a user would
 * issue them, so the usual rules hold and history gains new events instead of being rewritten. An
 * archived task is restored before it is edited and archived again last if the earlier state was
 * archived. Comments cannot be taken back and stay. Decide them with decideAll.
 */
export function commandsToRevert(
  taskId: string,
  current: TaskState,
  target: TaskState,
  board: BoardContext,
  options: { overrideWipLimit: boolean },
): TaskCommand[] {
  if (!target.exists) throw new DomainError("The task did not exist yet at that time; archive it instead");
  const edits = fieldEdits(taskId, current, target, board, options);
  const commands: TaskCommand[] = [];
  let archived = current.archived;
  if (archived && (edits.length > 0 || !target.archived)) {
    commands.push({ type: "RestoreTask", taskId });
    archived = false;
  }
  commands.push(...edits);
  if (target.archived && !archived) commands.push({ type: "ArchiveTask", taskId });
  return commands;
}

function fieldEdits(
  taskId: string,
  current: TaskState,
  target: TaskState,
  board: BoardContext,
  { overrideWipLimit }: { overrideWipLimit: boolean },
): TaskCommand[] {
  const edits: TaskCommand[] = [];
  if (target.title !== current.title) edits.push({ type: "RenameTask", taskId, title: target.title });
  if (target.description !== current.description) {
    edits.push({ type: "ChangeDescription", taskId, description: target.description });
  }
  if (target.priority !== current.priority) edits.push({ type: "ChangePriority", taskId, priority: target.priority });
  if (target.assigneeId !== current.assigneeId) {
    edits.push(
      target.assigneeId === null
        ? { type: "UnassignTask", taskId }
        : { type: "AssignTask", taskId, assigneeId: target.assigneeId, board },
    );
  }
  if (target.dueDate !== current.dueDate) {
    edits.push(target.dueDate === null ? { type: "ClearDueDate", taskId } : { type: "SetDueDate", taskId, dueDate: target.dueDate });
  }
  // Removals first, so a task at the label limit can take its earlier labels back.
  for (const label of current.labels) if (!target.labels.includes(label)) edits.push({ type: "RemoveLabel", taskId, label });
  for (const label of target.labels) if (!current.labels.includes(label)) edits.push({ type: "AddLabel", taskId, label });
  if (target.columnId !== current.columnId || target.rank !== current.rank) {
    edits.push({ type: "MoveTask", taskId, toColumnId: target.columnId, rank: target.rank, overrideWipLimit, board });
  }
  return edits;
}
