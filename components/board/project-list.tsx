"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC, useTRPCClient } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import { lastWriteAnywhere } from "@/components/trpc/written-positions";
import { useState } from "react";
import { countOf, formatTimestamp, roleLabel, timeAgo } from "../ui/format";
import { ChevronIcon } from "./icons";

/** The signed-in user's projects with their role in each, how many tasks each holds and when it last changed. */
export function ProjectList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  // This tab's last write is waited for, so a task just added is counted.
  const projects = useQuery({ ...trpc.project.list.queryOptions(), queryFn: () => client.project.list.query({ position: lastWriteAnywhere() }) });
  const [now] = useState(() => new Date());

  if (projects.isPending) {
    return (
      <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface" aria-busy="true" aria-label="Loading projects">
        {[0, 1, 2].map((i) => (
          <li key={i} className="flex h-14 items-center px-4">
            <div className="h-4 w-40 animate-pulse rounded bg-surface-muted" />
          </li>
        ))}
      </ul>
    );
  }
  if (projects.isError) {
    return <p className="rounded-xl border border-danger-border bg-danger-surface px-4 py-3 text-sm text-danger">{errorMessage(projects.error)}</p>;
  }
  if (projects.data.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-border-strong px-6 py-10 text-center">
        <p className="text-sm font-medium text-fg">No projects yet</p>
        <p className="mt-1 text-sm text-fg-muted">Create your first project above. It starts with four columns you can change.</p>
      </div>
    );
  }

  return (
    <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface" aria-label="Your projects">
      {projects.data.map((project) => (
        <li key={project.id}>
          <Link
            href={`/projects/${project.id}`}
            className="group flex min-h-14 items-center gap-3 px-4 py-2.5 transition-colors hover:bg-surface-muted/60 focus-visible:-outline-offset-2"
          >
            <span
              aria-hidden="true"
              className="inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-accent/15 text-xs font-semibold text-accent-text"
            >
              {project.name.trim()[0]?.toUpperCase()}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium text-fg">{project.name}</span>
              <span className="block truncate text-xs text-fg-muted">
                {countOf(project.taskCount, "task")}
                {" · "}
                <time dateTime={project.lastActivityAt.toISOString()} title={formatTimestamp(project.lastActivityAt)}>
                  updated {timeAgo(project.lastActivityAt, now)}
                </time>
              </span>
            </span>
            <span className="shrink-0 rounded-full border border-border px-2 py-0.5 text-xs text-fg-muted">{roleLabel[project.role]}</span>
            <ChevronIcon direction="right" className="size-4 text-fg-muted transition-transform group-hover:translate-x-0.5" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
