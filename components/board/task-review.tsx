"use client";

import { useSession } from "@/components/auth/auth-client";
import { useTRPCClient } from "@/components/trpc/context";
import { useBoardSession } from "./board-session";
import type { ChangeTask } from "./task-properties";
import type { TaskFields } from "./types";
import { buttonPrimary, buttonSecondary, fieldInput } from "../ui/classes";

const reviewText = { pending: "Waiting for review", approved: "Approved", changes_requested: "Changes requested" } as const;
const reviewTone = { pending: "text-fg-muted", approved: "text-emerald-700 dark:text-emerald-400", changes_requested: "text-amber-700 dark:text-amber-400" } as const;

/**
 * The task's reviewer (editors pick or release one; the assignee cannot review their own task) and, for
 * the reviewer alone, Approve and Request changes. The server checks the same rules.
 */
export function TaskReview({ task, readOnly, selectId, change }: { task: TaskFields; readOnly: boolean; selectId: string; change: ChangeTask }) {
  const { board, memberById } = useBoardSession();
  const client = useTRPCClient();
  const me = useSession().data?.user.id;
  const reviewer = memberById(task.reviewerId);
  const isReviewer = !readOnly && me !== undefined && me === task.reviewerId;

  return (
    <div className="space-y-2">
      {readOnly ? (
        <span className={reviewer ? "" : "text-fg-muted"}>{reviewer?.name ?? "No reviewer"}</span>
      ) : (
        <select
          id={selectId}
          value={task.reviewerId ?? ""}
          onChange={(event) => {
            const reviewerId = event.target.value || null;
            change({ reviewerId, review: reviewerId ? "pending" : null }, (base) =>
              reviewerId ? client.task.assignReviewer.mutate({ ...base, reviewerId }) : client.task.releaseReviewer.mutate(base),
            );
          }}
          className={fieldInput}
        >
          <option value="">No reviewer</option>
          {board.members
            .filter((member) => member.id !== task.assigneeId || member.id === task.reviewerId)
            .map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
        </select>
      )}
      {task.review ? (
        <div className="flex flex-wrap items-center gap-2">
          <span role="status" className={`text-xs font-medium ${reviewTone[task.review]}`}>
            {reviewText[task.review]}
          </span>
          {isReviewer ? (
            <>
              <button
                type="button"
                disabled={task.review === "approved"}
                onClick={() => change({ review: "approved" }, (base) => client.task.approve.mutate(base))}
                className={`${buttonPrimary} ml-auto h-7 text-xs`}
              >
                Approve
              </button>
              <button
                type="button"
                disabled={task.review === "changes_requested"}
                onClick={() => change({ review: "changes_requested" }, (base) => client.task.requestChanges.mutate(base))}
                className={`${buttonSecondary} h-7 text-xs`}
              >
                Request changes
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
