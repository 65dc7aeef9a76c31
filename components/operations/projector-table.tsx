"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { buttonSecondary } from "@/components/ui/classes";
import { useTRPC } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import type { ProjectorStatus } from "./types";

const leaderText = { here: "Leading here", elsewhere: "Leading on another instance", none: "No leader" } as const;

function lagSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}

/** Every projector's checkpoint, lag, leader and dead letters, with a rebuild action and its progress. */
export function ProjectorTable({ statuses }: { statuses: ProjectorStatus[] | undefined }) {
  return (
    <section aria-labelledby="projectors-heading">
      <h2 id="projectors-heading" className="text-base font-semibold text-fg">
        Projectors
      </h2>
      <div className="mt-3 overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <thead className="border-b border-border text-xs text-fg-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Read model</th>
              <th scope="col" className="px-3 py-2 font-medium">Checkpoint</th>
              <th scope="col" className="px-3 py-2 font-medium">Lag</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Parked / held</th>
              <th scope="col" className="px-3 py-2 font-medium">Rebuild</th>
            </tr>
          </thead>
          <tbody>
            {statuses?.map((status) => <ProjectorRow key={status.name} status={status} />) ?? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-fg-muted">Loading…</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ProjectorRow({ status }: { status: ProjectorStatus }) {
  const dot = status.leader === "none" ? "bg-red-500" : "bg-emerald-500";
  return (
    <tr className="border-b border-border last:border-0 align-top" data-projector={status.name}>
      <th scope="row" className="px-3 py-2 font-mono text-xs font-medium break-all text-fg">{status.name}</th>
      <td className="px-3 py-2 tabular-nums text-fg">
        {status.position.toLocaleString("en-US")}
        {status.checkpointAt ? <div className="text-xs text-fg-muted">{new Date(status.checkpointAt).toLocaleTimeString("en-US")}</div> : null}
      </td>
      <td className="px-3 py-2 tabular-nums text-fg">
        {status.lagEvents.toLocaleString("en-US")} {status.lagEvents === 1 ? "event" : "events"}
        <div className="text-xs text-fg-muted">{lagSeconds(status.lagSeconds)}</div>
      </td>
      <td className="px-3 py-2 text-fg">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
          {leaderText[status.leader]}
        </span>
      </td>
      <td className="px-3 py-2 tabular-nums text-fg">
        {status.parked} / {status.held}
      </td>
      <td className="px-3 py-2">
        <RebuildCell status={status} />
      </td>
    </tr>
  );
}

function RebuildCell({ status }: { status: ProjectorStatus }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const start = useMutation(
    trpc.operations.rebuild.mutationOptions({
      onSuccess: (started) => setStartedAt(started.startedAt),
      onSettled: () => queryClient.invalidateQueries(trpc.operations.status.queryFilter()),
    }),
  );
  // Until the status shows the job this click started, the job it shows is an earlier one: not this click's outcome.
  const starting = start.isPending || (startedAt !== null && (status.rebuild === null || status.rebuild.startedAt < startedAt));
  const job = starting ? null : status.rebuild;
  const running = starting || (job !== null && job.finishedAt === null);
  const swapped = job !== null && job.finishedAt !== null && job.error === null;
  const percent = swapped ? 100 : job && job.target > 0 ? Math.min(100, Math.round((job.position / job.target) * 100)) : 0;
  return (
    <div className="w-48 space-y-1.5">
      <button
        type="button"
        className={buttonSecondary}
        disabled={running}
        onClick={() => start.mutate({ name: status.name })}
        aria-label={`Rebuild ${status.name}`}
      >
        {running ? "Rebuilding…" : "Rebuild"}
      </button>
      {job || starting ? (
        <div>
          <div
            role="progressbar"
            aria-label={`Rebuild of ${status.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-1.5 overflow-hidden rounded-full bg-surface-muted"
          >
            <div className={`h-full rounded-full ${job?.error ? "bg-red-500" : "bg-accent"} transition-[width]`} style={{ width: `${percent}%` }} />
          </div>
          <p role="status" className="mt-1 text-xs text-fg-muted">
            {job === null
              ? "Starting…"
              : job.error
                ? `Failed: ${job.error}`
                : job.finishedAt
                  ? `Swapped in at ${new Date(job.finishedAt).toLocaleTimeString("en-US")}: ${job.events.toLocaleString("en-US")} events replayed`
                  : `${job.events.toLocaleString("en-US")} events replayed, position ${job.position.toLocaleString("en-US")} of ${job.target.toLocaleString("en-US")}`}
          </p>
        </div>
      ) : null}
      {start.isError ? <p className="text-xs text-danger">{errorMessage(start.error)}</p> : null}
    </div>
  );
}
