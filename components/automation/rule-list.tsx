"use client";

import { buttonSecondary } from "@/components/ui/classes";
import { useTRPCClient } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import { describeAction, describeTrigger } from "./describe-rule";
import type { Rule } from "./types";
import { useAutomationCommand } from "./use-automation-command";

type Names = { column: (id: string) => string; member: (id: string) => string };

/** The rules in the order they fire, each as a sentence; managers can remove them. */
export function RuleList({ projectId, rules, names, canManage }: { projectId: string; rules: Rule[]; names: Names; canManage: boolean }) {
  const client = useTRPCClient();
  const remove = useAutomationCommand<{ ruleId: string }>(projectId, (input) => client.automation.removeRule.mutate(input));

  if (rules.length === 0) return <p className="text-sm text-fg-muted">No rules yet.</p>;
  return (
    <>
      <ol aria-label="Rules" className="divide-y divide-border rounded-lg border border-border bg-surface">
        {rules.map((rule) => (
          <li key={rule.ruleId} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-fg">{rule.name}</p>
              <p className="text-sm text-fg-muted">
                {describeTrigger(rule.trigger, names)}, {describeAction(rule.action, names)}.
              </p>
            </div>
            {canManage ? (
              <button
                type="button"
                aria-label={`Remove rule ${rule.name}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate({ ruleId: rule.ruleId })}
                className={`${buttonSecondary} h-7 text-xs`}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <p role="alert" className="text-sm text-danger empty:hidden">
        {remove.error ? errorMessage(remove.error) : null}
      </p>
    </>
  );
}
