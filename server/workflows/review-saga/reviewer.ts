import { pickMember, type Role } from "../../domain";
import type { LoadedBoard } from "../../board-state";

/** Reviews a member has open: tasks they review that wait for their decision. */
const pendingReviews = (task: LoadedBoard["tasks"][string], userId: string) => task.reviewerId === userId && task.review === "pending";

/**
 * Who reviews a task entering review: its reviewer from an earlier round if they still qualify, else the
 * member with the role who has the fewest reviews pending. Never the task's assignee, nor anyone in `exclude`.
 */
export function chooseReviewer(board: LoadedBoard, taskId: string, role: Role, exclude: (string | null)[] = []): string | null {
  const task = board.tasks[taskId];
  if (!task) return null;
  const previous = task.reviewerId;
  if (previous && board.members[previous] === role && previous !== task.assigneeId && !exclude.includes(previous)) return previous;
  return pickMember(board, role, { exclude: [task.assigneeId, ...exclude], load: pendingReviews });
}
