"use client";

import { useId, useState } from "react";
import { useTRPCClient } from "@/components/trpc/context";
import { usePendingCommandIds } from "@/components/trpc/command-ids";
import { errorMessage, isConflict } from "@/components/trpc/errors";
import { useBoardSession } from "./board-session";
import { formatTimestamp, initials } from "../ui/format";
import type { TaskDetail } from "./types";
import { buttonPrimary, fieldTextarea } from "../ui/classes";
import { newTaskCommand, useTaskCommand } from "./use-task-command";
import { CONFLICT_MESSAGE } from "./use-pending-changes";

type Comment = TaskDetail["task"]["comments"][number];

export function TaskComments({ taskId, comments, canComment }: { taskId: string; comments: Comment[]; canComment: boolean }) {
  const { projectId, versions, memberById } = useBoardSession();
  const client = useTRPCClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  // Posting again after a lost answer re-sends the same command: the comment is never posted twice.
  const commandIds = usePendingCommandIds();
  const post = useTaskCommand(projectId, versions, {
    onError: (caught) => setError(isConflict(caught) ? CONFLICT_MESSAGE : errorMessage(caught)),
    // Cleared once the refetched task lists the comment, so the text never vanishes before it shows.
    onSettled: (_command, failed) => {
      commandIds.settled(failed);
      if (!failed) setBody("");
    },
  });

  function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    const text = body.trim();
    if (!text || post.isPending) return;
    setError(null);
    post.mutate(newTaskCommand(taskId, (base) => client.task.comment.mutate({ ...base, body: text }), commandIds.idFor({ taskId, text })));
  }

  return (
    <section aria-labelledby="task-comments-heading" className="space-y-3">
      <h3 id="task-comments-heading" className="text-sm font-semibold text-fg">
        Comments{comments.length > 0 ? <span className="ml-1.5 font-normal text-fg-muted">{comments.length}</span> : null}
      </h3>
      {comments.length === 0 ? (
        <p className="text-sm text-fg-muted">{canComment ? "No comments yet. Start the conversation below." : "No comments yet."}</p>
      ) : (
        <ol className="space-y-3">
          {comments.map((comment) => {
            const author = memberById(comment.authorId)?.name ?? "Former member";
            return (
              <li key={comment.commentId} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-accent/15 text-[0.625rem] font-semibold text-accent-text"
                >
                  {initials(author)}
                </span>
                <div className="min-w-0 flex-1 rounded-lg border border-border bg-surface-muted/50 px-3 py-2">
                  <p className="text-xs text-fg-muted">
                    <span className="font-medium text-fg">{author}</span> ·{" "}
                    <time dateTime={comment.createdAt.toISOString()}>{formatTimestamp(comment.createdAt)}</time>
                  </p>
                  <p className="mt-1 text-sm break-words whitespace-pre-wrap text-fg">{comment.body}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {canComment ? (
        <form onSubmit={submit} className="space-y-2">
          <label htmlFor={inputId} className="sr-only">
            Add a comment
          </label>
          <textarea
            id={inputId}
            rows={3}
            value={body}
            maxLength={10_000}
            placeholder="Write a comment…"
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) submit(event);
            }}
            className={`${fieldTextarea} resize-y`}
          />
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <div className="flex items-center justify-between gap-3">
            <p className="text-xs text-fg-muted">Ctrl + Enter to send</p>
            <button type="submit" disabled={!body.trim() || post.isPending} className={buttonPrimary}>
              {post.isPending ? "Posting…" : "Comment"}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
