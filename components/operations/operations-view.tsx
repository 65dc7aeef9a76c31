"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { DeadLetterTable } from "./dead-letter-table";
import { ProjectorTable } from "./projector-table";

/** How often the page asks again: lag and rebuild progress move by the second. */
const REFRESH_MS = 1000;

/** The operations page: every projector's state with a rebuild action, and every project's dead letters. */
export function OperationsView() {
  const trpc = useTRPC();
  const status = useQuery({
    ...trpc.operations.status.queryOptions(),
    refetchInterval: (q) => (errorCode(q.state.error) === "FORBIDDEN" ? false : REFRESH_MS),
  });
  const letters = useQuery({ ...trpc.operations.deadLetters.queryOptions(), enabled: status.isSuccess, refetchInterval: REFRESH_MS * 5 });
  const forbidden = errorCode(status.error) === "FORBIDDEN";

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">Operations</h1>
        <nav aria-label="Operations" className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/ops" aria-current="page" className="font-medium text-fg">
            Read models
          </Link>
          <Link href="/ops/metrics" className="font-medium text-accent-text underline-offset-4 hover:underline">
            Metrics
          </Link>
          <Link href="/projects" className="text-fg-muted underline-offset-4 hover:underline">
            Projects
          </Link>
        </nav>
      </div>
      <p className="mt-1 text-sm text-fg-muted">The read models projected from the log, how far behind they are, and the events they could not apply.</p>
      {forbidden ? (
        <p className="mt-6 rounded-md border border-border bg-surface px-4 py-3 text-sm text-fg">
          You are no longer an operator of this installation, so this page has nothing more to show you.
        </p>
      ) : (
        <div className="mt-6 space-y-8">
          {status.isError ? <p className="text-sm text-danger">{errorMessage(status.error)}</p> : null}
          <ProjectorTable statuses={status.data} />
          <DeadLetterTable letters={letters.data} />
        </div>
      )}
    </div>
  );
}
