import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** The board as drawn; the present one also says how far its read model is behind (lag), a past one does not. */
export type BoardData = Omit<Outputs["board"]["get"], "lag">;
export type ProjectionLag = Outputs["board"]["get"]["lag"];
export type BoardColumn = BoardData["columns"][number];
export type BoardTask = BoardColumn["tasks"][number];
export type Member = BoardData["members"][number];
export type Role = BoardData["role"];
export type Priority = BoardTask["priority"];
export type TaskDetail = Outputs["task"]["get"];
export type HistoryEntry = TaskDetail["history"][number];

/** What a move needs to know: the task and the slot it goes to (directly below afterTaskId, null = top). */
export type MoveRequest = { taskId: string; toColumnId: string; afterTaskId: string | null; overrideWipLimit?: boolean };

/** Members, admins and owners change tasks; viewers and auditors only look. */
export const canEditTasks = (role: Role) => role === "owner" || role === "admin" || role === "member";
/** Columns are the board's shape: only owners and admins change them. */
export const canManageColumns = (role: Role) => role === "owner" || role === "admin";

/** The task fields the detail panel edits. */
export type TaskFields = Pick<BoardTask, "title" | "description" | "priority" | "assigneeId" | "labels" | "dueDate" | "archived" | "reviewerId" | "review">;
