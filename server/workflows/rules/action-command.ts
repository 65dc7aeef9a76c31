import { boardContext, columnTasks, pickMember, rankBetween, type RuleAction, type TaskCommand } from "../../domain";
import type { LoadedBoard } from "../../board-state";

/** The task command a rule's action stands for on the current board; null when it has nothing to do. */
export function actionCommand(action: RuleAction, taskId: string, board: LoadedBoard): TaskCommand | null {
  switch (action.type) {
    case "assignUser":
      return { type: "AssignTask", taskId, assigneeId: action.userId, board: boardContext(board) };
    case "assignRole": {
      const assigneeId = pickMember(board, action.role, { load: (task, userId) => task.assigneeId === userId });
      return assigneeId === null ? null : { type: "AssignTask", taskId, assigneeId, board: boardContext(board) };
    }
    case "setPriority":
      return { type: "ChangePriority", taskId, priority: action.priority };
    case "addLabel":
      return { type: "AddLabel", taskId, label: action.label };
    case "moveToColumn": {
      const last = columnTasks(board, action.columnId).filter((task) => task.id !== taskId).at(-1);
      return { type: "MoveTask", taskId, toColumnId: action.columnId, rank: rankBetween(last?.rank ?? null, null), board: boardContext(board) };
    }
  }
}
