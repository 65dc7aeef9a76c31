"use client";

import { useId, useState } from "react";
import { priorities } from "@/components/ui/format";
import type { BoardData, Priority, Role } from "@/components/board/types";
import { fieldInput } from "@/components/ui/classes";
import { useTRPCClient } from "@/components/trpc/context";
import { ColumnSelect, Field, RoleSelect, SubmitRow } from "./form-parts";
import type { RuleAction, RuleTrigger } from "./types";
import { useAutomationCommand } from "./use-automation-command";

const actionTypes = [
  { value: "assignUser", label: "Assign a member" },
  { value: "assignRole", label: "Assign someone with a role" },
  { value: "setPriority", label: "Set the priority" },
  { value: "addLabel", label: "Add a label" },
  { value: "moveToColumn", label: "Move to a column" },
] as const;
type ActionType = (typeof actionTypes)[number]["value"];

/** A new rule: name, "when" (a task enters a column, or the reviewer approves) and "then" (one action). */
export function AddRuleForm({ projectId, board }: { projectId: string; board: BoardData }) {
  const client = useTRPCClient();
  const id = useId();
  const firstColumn = board.columns[0]?.id ?? "";
  const [name, setName] = useState("");
  const [when, setWhen] = useState<"taskEnteredColumn" | "taskApproved">("taskEnteredColumn");
  const [whenColumn, setWhenColumn] = useState(firstColumn);
  const [then, setThen] = useState<ActionType>("assignUser");
  const [userId, setUserId] = useState(board.members[0]?.id ?? "");
  const [role, setRole] = useState<Role>("member");
  const [priority, setPriority] = useState<Priority>("high");
  const [label, setLabel] = useState("");
  const [toColumn, setToColumn] = useState(board.columns.at(-1)?.id ?? firstColumn);
  const add = useAutomationCommand<{ name: string; trigger: RuleTrigger; action: RuleAction }>(projectId, (input) =>
    client.automation.addRule.mutate(input),
  );

  const trigger: RuleTrigger = when === "taskApproved" ? { type: "taskApproved" } : { type: "taskEnteredColumn", columnId: whenColumn };
  const action: RuleAction = {
    assignUser: { type: "assignUser", userId } as const,
    assignRole: { type: "assignRole", role } as const,
    setPriority: { type: "setPriority", priority } as const,
    addLabel: { type: "addLabel", label } as const,
    moveToColumn: { type: "moveToColumn", columnId: toColumn } as const,
  }[then];

  return (
    <form
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ name, trigger, action }, { onSuccess: () => setName("") });
      }}
      className="space-y-4 rounded-lg border border-border bg-surface p-4"
    >
      <h3 id={`${id}-heading`} className="text-sm font-semibold text-fg">
        Add a rule
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor={`${id}-name`} wide>
          <input id={`${id}-name`} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} className={fieldInput} />
        </Field>
        <Field label="When" htmlFor={`${id}-when`}>
          <select id={`${id}-when`} value={when} onChange={(e) => setWhen(e.target.value as typeof when)} className={fieldInput}>
            <option value="taskEnteredColumn">A task enters a column</option>
            <option value="taskApproved">The reviewer approves a task</option>
          </select>
        </Field>
        {when === "taskEnteredColumn" ? (
          <Field label="Column" htmlFor={`${id}-when-column`}>
            <ColumnSelect id={`${id}-when-column`} board={board} value={whenColumn} onChange={setWhenColumn} />
          </Field>
        ) : (
          <div className="hidden sm:block" />
        )}
        <Field label="Then" htmlFor={`${id}-then`}>
          <select id={`${id}-then`} value={then} onChange={(e) => setThen(e.target.value as ActionType)} className={fieldInput}>
            {actionTypes.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </Field>
        {then === "assignUser" ? (
          <Field label="Member" htmlFor={`${id}-member`}>
            <select id={`${id}-member`} value={userId} onChange={(e) => setUserId(e.target.value)} className={fieldInput}>
              {board.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </Field>
        ) : then === "assignRole" ? (
          <Field label="Role" htmlFor={`${id}-role`}>
            <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
          </Field>
        ) : then === "setPriority" ? (
          <Field label="Priority" htmlFor={`${id}-priority`}>
            <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value as Priority)} className={fieldInput}>
              {priorities.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </Field>
        ) : then === "addLabel" ? (
          <Field label="Label" htmlFor={`${id}-label`}>
            <input id={`${id}-label`} required maxLength={40} value={label} onChange={(e) => setLabel(e.target.value)} className={fieldInput} />
          </Field>
        ) : (
          <Field label="To column" htmlFor={`${id}-to-column`}>
            <ColumnSelect id={`${id}-to-column`} board={board} value={toColumn} onChange={setToColumn} />
          </Field>
        )}
      </div>
      <SubmitRow pending={add.isPending} error={add.error} label="Add rule" pendingLabel="Adding…" />
    </form>
  );
}
