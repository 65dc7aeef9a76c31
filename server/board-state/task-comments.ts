import type { TaskEvent } from "../domain";
import { type StoredEvent, toDomainEvent } from "../eventstore";

export type TaskComment = { commentId: string; body: string; authorId: string; createdAt: Date };

/** A task's comments, oldest first, with their authors and times, from the task's stored events. */
export function taskComments(events: StoredEvent[]): TaskComment[] {
  return events.flatMap((stored) => {
    const event = toDomainEvent(stored) as TaskEvent;
    return event.type === "TaskCommented"
      ? [{ commentId: event.data.commentId, body: event.data.body, authorId: stored.metadata.userId, createdAt: stored.timestamp }]
      : [];
  });
}
