import type { TaskEvent } from "../events";
import type { TaskState } from "./state";

export function evolveTask(state: TaskState, event: TaskEvent): TaskState {
  switch (event.type) {
    case "TaskCreated":
      return { ...state, exists: true, ...event.data, archived: false, commentCount: 0, reviewerId: null, review: null };
    case "TaskRenamed":
      return { ...state, title: event.data.title };
    case "TaskDescriptionChanged":
      return { ...state, description: event.data.description };
    case "TaskMoved":
      return { ...state, columnId: event.data.toColumnId, rank: event.data.rank };
    case "TaskAssigned":
      return { ...state, assigneeId: event.data.assigneeId };
    case "TaskUnassigned":
      return { ...state, assigneeId: null };
    case "TaskPriorityChanged":
      return { ...state, priority: event.data.priority };
    case "TaskDueDateSet":
      return { ...state, dueDate: event.data.dueDate };
    case "TaskDueDateCleared":
      return { ...state, dueDate: null };
    case "TaskLabelAdded":
      return { ...state, labels: [...state.labels, event.data.label] };
    case "TaskLabelRemoved":
      return { ...state, labels: state.labels.filter((label) => label !== event.data.label) };
    case "TaskCommented":
      return { ...state, commentCount: state.commentCount + 1 };
    case "TaskArchived":
      return { ...state, archived: true };
    case "TaskRestored":
      return { ...state, archived: false };
    case "ReviewerAssigned":
      return { ...state, reviewerId: event.data.reviewerId, review: "pending" };
    case "ReviewerReleased":
      return { ...state, reviewerId: null, review: null };
    case "TaskApproved":
      return { ...state, review: "approved" };
    case "TaskChangesRequested":
      return { ...state, review: "changes_requested" };
  }
}
