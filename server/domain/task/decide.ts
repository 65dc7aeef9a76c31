import type { TaskEvent } from "../events";
import { DomainError } from "../errors";
import { parseCommand } from "../parse-command";
import { type BoardContext, maxLabelsPerTask, TaskCommand } from "./commands";
import type { TaskState } from "./state";

type BoardColumn = BoardContext["columns"][number];

/**
 * Turns a task command into events, or throws a DomainError.
 *
 * Checks run in this order: the task exists, it is not archived, the request is
 * allowed; only then is a command that would change nothing (same title, same
 * column and rank, label already there, already assigned to that person, …)
 * answered with no events rather than an error: what the user asked for already
 * holds, and retried requests stay harmless.
 */
export function decideTask(input: TaskCommand, state: TaskState): TaskEvent[] {
  const command = parseCommand(TaskCommand, input);

  if (command.type === "CreateTask") {
    if (state.exists) throw new DomainError("This task already exists");
    const { board, projectId, columnId, rank, title, description, priority, assigneeId, labels, dueDate } = command;
    const column = findColumn(board, columnId);
    // Creating never overrides a WIP limit: the task can start in another column instead.
    if (isFull(column)) {
      throw new DomainError(`Column "${column.name}" has reached its WIP limit of ${column.wipLimit}; finish or move a task first`);
    }
    if (assigneeId !== null) requireMember(board, assigneeId);
    return [
      {
        type: "TaskCreated",
        data: { projectId, columnId, rank, title, description, priority, assigneeId, labels: [...new Set(labels)], dueDate },
      },
    ];
  }

  if (!state.exists) throw new DomainError("This task does not exist");
  if (state.archived && command.type !== "ArchiveTask" && command.type !== "RestoreTask") {
    throw new DomainError(
      command.type === "CommentOnTask"
        ? "This task is archived; restore it before commenting on it"
        : "This task is archived; restore it before changing it",
    );
  }

  switch (command.type) {
    case "RenameTask":
      if (command.title === state.title) return [];
      return [{ type: "TaskRenamed", data: { title: command.title } }];

    case "ChangeDescription":
      if (command.description === state.description) return [];
      return [{ type: "TaskDescriptionChanged", data: { description: command.description } }];

    case "MoveTask": {
      const column = findColumn(command.board, command.toColumnId);
      const changesColumn = column.id !== state.columnId;
      if (!changesColumn && command.rank === state.rank) return [];
      // Reordering within a column adds no work in progress, so only entering a column meets its limit.
      const overLimit = changesColumn && isFull(column);
      if (overLimit && !command.overrideWipLimit) {
        throw new DomainError(
          `Column "${column.name}" has reached its WIP limit of ${column.wipLimit}; override the limit to move the task there anyway`,
        );
      }
      return [
        {
          type: "TaskMoved",
          data: { fromColumnId: state.columnId, toColumnId: column.id, rank: command.rank, wipLimitOverridden: overLimit },
        },
      ];
    }

    case "AssignTask":
      requireMember(command.board, command.assigneeId);
      if (command.assigneeId === state.assigneeId) return [];
      return [{ type: "TaskAssigned", data: { assigneeId: command.assigneeId } }];

    case "UnassignTask":
      if (state.assigneeId === null) return [];
      return [{ type: "TaskUnassigned", data: {} }];

    case "ChangePriority":
      if (command.priority === state.priority) return [];
      return [{ type: "TaskPriorityChanged", data: { priority: command.priority } }];

    case "SetDueDate":
      if (command.dueDate === state.dueDate) return [];
      return [{ type: "TaskDueDateSet", data: { dueDate: command.dueDate } }];

    case "ClearDueDate":
      if (state.dueDate === null) return [];
      return [{ type: "TaskDueDateCleared", data: {} }];

    case "AddLabel":
      if (state.labels.includes(command.label)) return [];
      if (state.labels.length >= maxLabelsPerTask) {
        throw new DomainError(`A task can have at most ${maxLabelsPerTask} labels`);
      }
      return [{ type: "TaskLabelAdded", data: { label: command.label } }];

    case "RemoveLabel":
      if (!state.labels.includes(command.label)) return [];
      return [{ type: "TaskLabelRemoved", data: { label: command.label } }];

    case "CommentOnTask":
      // A comment id is derived from the command id (server/api), so posting it twice is a retry of the
      // same command, which the event store answers idempotently.
      return [{ type: "TaskCommented", data: { commentId: command.commentId, body: command.body } }];

    case "ArchiveTask":
      if (state.archived) return [];
      return [{ type: "TaskArchived", data: {} }];

    case "RestoreTask":
      if (!state.archived) return [];
      return [{ type: "TaskRestored", data: {} }];

    case "AssignReviewer":
      requireMember(command.board, command.reviewerId, "Only members of this project can review tasks");
      if (command.reviewerId === state.assigneeId) throw new DomainError("The assignee cannot review their own task");
      if (command.reviewerId === state.reviewerId) return [];
      return [{ type: "ReviewerAssigned", data: { reviewerId: command.reviewerId } }];

    case "ReleaseReviewer":
      if (state.reviewerId === null) return [];
      return [{ type: "ReviewerReleased", data: {} }];

    case "ApproveTask":
    case "RequestChanges": {
      if (state.reviewerId === null) throw new DomainError("This task has no reviewer");
      if (command.by !== state.reviewerId) throw new DomainError("Only the task's reviewer can approve it or request changes");
      const approve = command.type === "ApproveTask";
      if (state.review === (approve ? "approved" : "changes_requested")) return [];
      const data = { reviewerId: state.reviewerId };
      return [approve ? { type: "TaskApproved", data } : { type: "TaskChangesRequested", data }];
    }
  }
}

function findColumn(board: BoardContext, columnId: string): BoardColumn {
  const column = board.columns.find((candidate) => candidate.id === columnId);
  if (!column) throw new DomainError("This column does not exist on the board");
  return column;
}

function isFull(column: BoardColumn): boolean {
  return column.wipLimit !== null && column.taskCount >= column.wipLimit;
}

function requireMember(board: BoardContext, userId: string, message = "Only members of this project can be assigned tasks"): void {
  if (!board.memberIds.includes(userId)) throw new DomainError(message);
}
