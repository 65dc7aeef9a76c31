"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { useLastWriteLsn } from "@/components/trpc/written-positions";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { AnalyticsControls } from "./analytics-controls";
import { CompletedTasksTable } from "./completed-tasks-table";
import { CumulativeFlowChart } from "./cumulative-flow-chart";
import { DistributionChart } from "./distribution-chart";
import { formatInstant } from "./format";
import { ThroughputChart } from "./throughput-chart";
import { TimeInColumnChart } from "./time-in-column-chart";
import type { FlowData } from "./types";
import { flowInput, useAnalyticsParams } from "./use-analytics-params";

/** A project's flow analytics, folded from its log for the range and the instant in the URL. */
export function AnalyticsView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const params = useAnalyticsParams();
  // The previous answer stays on screen while a changed range loads, so the charts do not blink away.
  const lsn = useLastWriteLsn();
  const flow = useQuery({ ...trpc.analytics.flow.queryOptions({ ...flowInput(projectId, params), lsn }), placeholderData: keepPreviousData });

  if (flow.isError && errorCode(flow.error) === "NOT_FOUND") {
    return (
      <div className="mx-auto max-w-md px-4 pt-[15vh] text-center">
        <h1 className="text-lg font-semibold text-fg">Project not found</h1>
        <p className="mt-2 text-sm text-fg-muted">It does not exist, or you are not a member of it.</p>
      </div>
    );
  }
  const data = flow.data;
  const file = (kind: string) => `${slug(data?.project.name ?? "project")}-${kind}-${params.from}-to-${params.to}.csv`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <title>{data ? `Analytics · ${data.project.name} · Chronoboard` : "Analytics · Chronoboard"}</title>
      <Link href={`/projects/${projectId}`} className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Back to the board
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">Flow analytics{data ? `: ${data.project.name}` : ""}</h1>
      <p className="mt-1 min-h-5 text-sm text-fg-muted" role="status">
        {flow.isFetching && !data ? "Loading…" : data ? `Computed from the project's event log as of ${formatInstant(data.asOf)}.` : ""}
      </p>
      <div className="mt-5 space-y-5">
        <AnalyticsControls params={params} />
        {flow.isError ? (
          <p role="alert" className="rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-sm text-danger">
            {errorMessage(flow.error)}
          </p>
        ) : null}
        {data ? <Definitions data={data} /> : null}
        {data ? (
          <div aria-busy={flow.isFetching} className={`space-y-5 transition-opacity ${flow.isPlaceholderData ? "opacity-60" : ""}`}>
            <CumulativeFlowChart data={data} fileName={file("cumulative-flow")} />
            <div className="grid gap-5 lg:grid-cols-2">
              <DistributionChart data={data} fileName={file("lead-cycle-distribution")} />
              <ThroughputChart data={data} fileName={file("throughput")} />
            </div>
            <TimeInColumnChart data={data} fileName={file("time-in-column")} />
            <CompletedTasksTable data={data} fileName={file("completed-tasks")} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** What the numbers mean, with this board's own column names. */
function Definitions({ data }: { data: FlowData }) {
  const name = (id: string | null) => data.columns.find((column) => column.id === id)?.name ?? "–";
  const first = `“${name(data.firstColumnId)}”`;
  const done = `“${name(data.doneColumnId)}”`;
  return (
    <section aria-labelledby="definitions" className="rounded-lg border border-border bg-surface-muted/60 px-4 py-3 text-sm text-fg-muted">
      <h2 id="definitions" className="sr-only">
        Definitions
      </h2>
      <dl className="grid gap-x-6 gap-y-1.5 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-fg">Done</dt>
        <dd>
          A task is done while it stands in the board&apos;s last column, {done}; {first} is the first. Moved out of {done} it is open again, and
          done again when it comes back.
        </dd>
        <dt className="font-medium text-fg">Lead time</dt>
        <dd>From the task&apos;s creation to the last time it entered {done}.</dd>
        <dt className="font-medium text-fg">Cycle time</dt>
        <dd>From the first time the task stood outside {first} (its creation, if it was created elsewhere) to the last time it entered {done}.</dd>
      </dl>
    </section>
  );
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "project";
