"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import { roleLabel } from "../ui/format";
import { ChevronIcon } from "./icons";

/** The signed-in user's projects with their role in each. */
export function ProjectList() {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions());

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
            className="group flex h-14 items-center gap-3 px-4 transition-colors hover:bg-surface-muted/60 focus-visible:-outline-offset-2"
          >
            <span
              aria-hidden="true"
              className="inline-flex size-7 items-center justify-center rounded-md bg-accent/15 text-xs font-semibold text-accent-text"
            >
              {project.name.trim()[0]?.toUpperCase()}
            </span>
            <span className="min-w-0 flex-1 truncate text-sm font-medium text-fg">{project.name}</span>
            <span className="rounded-full border border-border px-2 py-0.5 text-xs text-fg-muted">{roleLabel[project.role]}</span>
            <ChevronIcon direction="right" className="size-4 text-fg-muted transition-transform group-hover:translate-x-0.5" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
