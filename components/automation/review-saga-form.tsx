"use client";

import { useId, useState } from "react";
import { roleLabel } from "@/components/ui/format";
import type { BoardData, Role } from "@/components/board/types";
import { fieldInput } from "@/components/ui/classes";
import { useTRPCClient } from "@/components/trpc/context";
import { Field, RoleSelect, SubmitRow } from "./form-parts";
import type { SagaSettings } from "./types";
import { useAutomationCommand } from "./use-automation-command";

/**
 * The review saga's settings: the review column (or off), who reviews, and how long a reviewer has before
 * the saga escalates (hands the review to another member with the role, raises the priority, comments).
 */
export function ReviewSagaForm({
  projectId,
  board,
  settings,
  canManage,
}: {
  projectId: string;
  board: BoardData;
  settings: SagaSettings | null;
  canManage: boolean;
}) {
  const client = useTRPCClient();
  const id = useId();
  const [columnId, setColumnId] = useState(settings?.columnId ?? "");
  const [reviewerRole, setReviewerRole] = useState<Role>(settings?.reviewerRole ?? "member");
  const [minutes, setMinutes] = useState(String(Math.max(1, Math.round((settings?.timeoutSeconds ?? 86_400) / 60))));
  const save = useAutomationCommand<{ columnId: string | null; reviewerRole: Role; timeoutSeconds: number }>(projectId, (input) =>
    client.automation.configureReviewSaga.mutate(input),
  );
  const column = board.columns.find((c) => c.id === settings?.columnId);

  return (
    <div className="space-y-4 rounded-lg border border-border bg-surface p-4">
      <p className="text-sm text-fg-muted" role="status">
        {settings && column
          ? `On: tasks entering ${column.name} get a reviewer (${roleLabel[settings.reviewerRole].toLowerCase()}), who has ${formatLimit(settings.timeoutSeconds)} to approve or request changes before the saga escalates. A task moved out of ${column.name} before approval releases its reviewer.`
          : "Off: no column starts a review."}
      </p>
      {canManage ? (
        <form
          aria-label="Review saga settings"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ columnId: columnId || null, reviewerRole, timeoutSeconds: Math.round(Number(minutes) * 60) });
          }}
          className="grid gap-4 sm:grid-cols-3"
        >
          <Field label="Review column" htmlFor={`${id}-column`}>
            <select id={`${id}-column`} value={columnId} onChange={(e) => setColumnId(e.target.value)} className={fieldInput}>
              <option value="">Off</option>
              {board.columns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reviewers" htmlFor={`${id}-role`}>
            <RoleSelect id={`${id}-role`} value={reviewerRole} onChange={setReviewerRole} />
          </Field>
          <Field label="Time limit (minutes)" htmlFor={`${id}-minutes`}>
            <input id={`${id}-minutes`} type="number" min={1} max={43_200} required value={minutes} onChange={(e) => setMinutes(e.target.value)} className={fieldInput} />
          </Field>
          <SubmitRow pending={save.isPending} error={save.error} label="Save review saga" pendingLabel="Saving…" className="sm:col-span-3" />
        </form>
      ) : null}
    </div>
  );
}

function formatLimit(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
