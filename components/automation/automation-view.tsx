"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { AddRuleForm } from "./add-rule-form";
import { ReviewSagaForm } from "./review-saga-form";
import { RuleList } from "./rule-list";

const linkClass = "text-sm font-medium text-accent-text underline-offset-4 hover:underline";

/**
 * A project's automation: rules that react to tasks entering columns or being approved, and the review saga.
 * Every member sees them; owners and admins change them (the server checks the same).
 */
export function AutomationView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const board = useQuery(trpc.board.get.queryOptions({ projectId }));
  const settings = useQuery(trpc.automation.settings.queryOptions({ projectId }));

  const error = board.error ?? settings.error;
  if (error) {
    const notFound = errorCode(error) === "NOT_FOUND";
    return (
      <div className="mx-auto max-w-md px-4 pt-[15vh] text-center">
        <h1 className="text-lg font-semibold text-fg">{notFound ? "Project not found" : "Automation could not be loaded"}</h1>
        <p className="mt-2 text-sm text-fg-muted">{notFound ? "It does not exist, or you are not a member of it." : errorMessage(error)}</p>
      </div>
    );
  }

  const data = board.data;
  const canManage = data?.role === "owner" || data?.role === "admin";
  const names = {
    column: (id: string) => data?.columns.find((c) => c.id === id)?.name ?? "a removed column",
    member: (id: string) => data?.members.find((m) => m.id === id)?.name ?? "a former member",
  };

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <title>{data ? `Automation · ${data.project.name} · Chronoboard` : "Automation · Chronoboard"}</title>
      <Link href={`/projects/${projectId}`} className={linkClass}>
        Back to the board
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">Automation{data ? `: ${data.project.name}` : ""}</h1>
      <p className="mt-1 max-w-2xl text-sm text-fg-muted">
        Rules act on tasks as the board changes; the review saga sees each review through. Their changes show in a task&apos;s history
        as made by the rule or the saga, linked to what caused them.
      </p>

      {!data || !settings.data ? (
        <p role="status" className="mt-8 text-sm text-fg-muted">
          Loading automation…
        </p>
      ) : (
        <div className="mt-8 space-y-10">
          <section aria-labelledby="rules-heading" className="space-y-4">
            <h2 id="rules-heading" className="text-lg font-semibold text-fg">
              Rules
            </h2>
            <RuleList projectId={projectId} rules={settings.data.rules} names={names} canManage={canManage} />
            {canManage ? <AddRuleForm projectId={projectId} board={data} /> : null}
          </section>
          <section aria-labelledby="saga-heading" className="space-y-4">
            <h2 id="saga-heading" className="text-lg font-semibold text-fg">
              Review saga
            </h2>
            <ReviewSagaForm projectId={projectId} board={data} settings={settings.data.reviewSaga} canManage={canManage} />
          </section>
        </div>
      )}
    </div>
  );
}
