import type { Priority } from "../events/fields";

/** A comment's author is in the event's metadata, which evolve never sees; the board read side adds it. */
export type TaskComment = { commentId: string; body: string };

/** Where the task's review stands: null without a reviewer, pending until the reviewer decides. */
export type ReviewStatus = "pending" | "approved" | "changes_requested" | null;

export type TaskState = {
  exists: boolean;
  projectId: string;
  columnId: string;
  /** Fractional index ordering the task within its column. */
  rank: string;
  title: string;
  description: string;
  priority: Priority;
  assigneeId: string | null;
  labels: string[];
  /** ISO date (YYYY-MM-DD). */
  dueDate: string | null;
  archived: boolean;
  comments: TaskComment[];
  reviewerId: string | null;
  review: ReviewStatus;
};

export const initialTaskState = (): TaskState => ({
  exists: false,
  projectId: "",
  columnId: "",
  rank: "",
  title: "",
  description: "",
  priority: "none",
  assigneeId: null,
  labels: [],
  dueDate: null,
  archived: false,
  comments: [],
  reviewerId: null,
  review: null,
});
