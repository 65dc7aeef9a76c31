import type { Priority } from "../events/fields";

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
  /**
   * Only how many: no decision reads a comment, and keeping them would make the state (and the time to load
   * it) grow with the task's history. The comments themselves are read from the TaskCommented events.
   */
  commentCount: number;
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
  commentCount: 0,
  reviewerId: null,
  review: null,
});
