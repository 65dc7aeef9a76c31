"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { useLastWriteLsn } from "@/components/trpc/written-positions";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { localToday } from "@/components/ui/format";
import { AuditLogFilters } from "./audit-log-filters";
import { AuditLogTable } from "./audit-log-table";
import type { Names } from "./field-values";
import { canExportAudit } from "./history-links";
import { LoadMore } from "./load-more";
import type { AuditItem } from "./types";
import { auditLogInput, useAuditLogFilters } from "./use-audit-log-filters";

const linkClass = "text-sm font-medium text-accent-text underline-offset-4 hover:underline";

/** A project's audit log: every event, newest first, filtered through the URL, loaded a page at a time. */
export function AuditLogView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  // The board gives the project's name and the names behind the ids in the events.
  const board = useQuery(trpc.board.get.queryOptions({ projectId }));
  const { filters, setFilters } = useAuditLogFilters();
  const lsn = useLastWriteLsn();
  const log = useInfiniteQuery(
    trpc.project.auditLog.infiniteQueryOptions(
      { projectId, ...auditLogInput(filters), limit: 50, lsn },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  const error = board.error ?? log.error;
  if (error) {
    const notFound = errorCode(error) === "NOT_FOUND";
    return (
      <div className="mx-auto max-w-md px-4 pt-[15vh] text-center">
        <h1 className="text-lg font-semibold text-fg">{notFound ? "Project not found" : "The history could not be loaded"}</h1>
        <p className="mt-2 text-sm text-fg-muted">{notFound ? "It does not exist, or you are not a member of it." : errorMessage(error)}</p>
      </div>
    );
  }

  const data = board.data;
  const tasks = new Map(data ? [...data.columns.flatMap((c) => c.tasks), ...data.archived].map((t) => [t.id, t.title]) : []);
  const items = log.data?.pages.flatMap((page) => page.items);
  // Membership events carry their member's name, so people who left are still named.
  const formerMembers = new Map((items ?? []).flatMap((item) => (item.memberName ? [[(item.data as { userId: string }).userId, item.memberName] as const] : [])));
  const names: Names = {
    column: (id) => data?.columns.find((c) => c.id === id)?.name ?? "a removed column",
    member: (id) => data?.members.find((m) => m.id === id)?.name ?? formerMembers.get(id) ?? "a former member",
    today: localToday(new Date()),
  };
  const subject = (item: AuditItem) => {
    if (item.aggregateType === "task") return `Task “${tasks.get(item.aggregateId) ?? "unknown"}”`;
    if (item.aggregateType === "review_saga") return "Review saga";
    const columnId = (item.data as { columnId?: string }).columnId;
    return columnId ? `Column ${names.column(columnId)}` : "Project";
  };

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <title>{data ? `History · ${data.project.name} · Chronoboard` : "History · Chronoboard"}</title>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <Link href={`/projects/${projectId}`} className={linkClass}>
          Back to the board
        </Link>
        {data && canExportAudit(data.role) ? (
          <Link href={`/projects/${projectId}/audit`} className={linkClass}>
            Audit export
          </Link>
        ) : null}
      </div>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">History{data ? `: ${data.project.name}` : ""}</h1>
      <p className="mt-1 text-sm text-fg-muted">Every change to the project, newest first. Nothing here is ever rewritten.</p>

      <div className="mt-6 space-y-4">
        <AuditLogFilters key={filters.correlationId} filters={filters} members={data?.members ?? []} onChange={setFilters} />
        <p role="status" className="text-sm text-fg-muted">
          {!items ? "Loading events…" : items.length === 0 ? "No events match the filters." : `${items.length} ${items.length === 1 ? "event" : "events"} shown`}
        </p>
        {items && items.length > 0 ? (
          <>
            <AuditLogTable projectId={projectId} items={items} names={names} subject={subject} />
            <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoad={() => void log.fetchNextPage()} />
          </>
        ) : null}
      </div>
    </div>
  );
}
