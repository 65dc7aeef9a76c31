"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { roleLabel } from "@/components/ui/format";
import { ExportForm } from "./export-form";
import { IntegrityCheck } from "./integrity-check";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A project's audit page, for owners, admins and auditors: the compliance export and the integrity check. */
export function AuditView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.audit.summary.queryOptions({ projectId }));

  if (summary.isError) {
    const notFound = errorCode(summary.error) === "NOT_FOUND";
    return (
      <div className="mx-auto max-w-md px-4 pt-[15vh] text-center">
        <h1 className="text-lg font-semibold text-fg">{notFound ? "Audit trail not available" : "The audit trail could not be loaded"}</h1>
        <p className="mt-2 text-sm text-fg-muted">
          {notFound ? "The project does not exist, or you are not its owner, an admin or an auditor." : errorMessage(summary.error)}
        </p>
      </div>
    );
  }
  const data = summary.data;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <title>{data ? `Audit trail · ${data.project.name} · Chronoboard` : "Audit trail · Chronoboard"}</title>
      <Link href={`/projects/${projectId}`} className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Back to the board
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">Audit trail{data ? `: ${data.project.name}` : ""}</h1>
      <p className="mt-1 min-h-5 text-sm text-fg-muted">
        {data
          ? `${data.eventCount.toLocaleString("en-US")} events${
              data.firstEventAt && data.lastEventAt ? `, ${when.format(data.firstEventAt)} – ${when.format(data.lastEventAt)}` : ""
            } · you are ${roleLabel[data.role].toLowerCase()}`
          : "Loading…"}
      </p>
      <div className="mt-6 space-y-6">
        <ExportForm projectId={projectId} />
        <IntegrityCheck projectId={projectId} />
      </div>
    </div>
  );
}
