"use client";

import Link from "next/link";
import { HistoryLinks } from "@/components/history/history-links";
import { TimeTravelToggle } from "@/components/time-travel/time-travel-toggle";
import { useAsOfParam } from "@/components/time-travel/use-as-of-param";
import { useBoardSession } from "./board-session";
import { countOf, roleLabel } from "../ui/format";
import { ChevronIcon } from "./icons";
import { ImportButton } from "./import-dialog";
import { buttonGhost } from "../ui/classes";
import { MemberAvatars } from "./member-avatars";

export function BoardHeader() {
  const { board, canEdit, live, changes } = useBoardSession();
  // A board shown as it was does not follow the changes made now.
  const travelling = useAsOfParam() !== null;
  const taskCount = board.columns.reduce((sum, column) => sum + column.tasks.length, 0);

  return (
    <div className="mb-5 flex min-h-9 flex-wrap items-center gap-x-3 gap-y-2">
      <Link
        href="/projects"
        aria-label="All projects"
        className="inline-flex size-7 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
      >
        <ChevronIcon direction="left" />
      </Link>
      <h1 className="min-w-0 truncate text-xl font-semibold tracking-tight text-fg">{board.project.name}</h1>
      <span className="rounded-full border border-border px-2 py-0.5 text-xs font-medium text-fg-muted">
        {roleLabel[board.role]}
        {canEdit ? "" : " · read only"}
      </span>
      <span data-task-count className="text-sm text-fg-muted">
        {countOf(taskCount, "task")}
      </span>
      <LiveBadge status={travelling ? "paused" : live} waiting={live === "offline" ? changes.count : 0} />
      <MemberAvatars members={board.members} />
      {/* Imports write now: not offered while looking at the past or to those who may not add tasks. */}
      {canEdit && !travelling ? <ImportButton /> : null}
      <nav aria-label="Project history" className="flex flex-wrap items-center gap-1">
        <TimeTravelToggle />
        <Link href={`/projects/${board.project.id}/analytics`} className={buttonGhost}>
          Analytics
        </Link>
        <HistoryLinks projectId={board.project.id} role={board.role} />
      </nav>
    </div>
  );
}

const liveText = {
  live: "Live",
  connecting: "Connecting…",
  reconnecting: "Live updates interrupted — reconnecting",
  offline: "Offline",
  paused: "Paused while you look at the past",
} as const;

/**
 * Says whether other people's changes show up by themselves, and offline how many of the user's changes wait
 * to be sent; announced politely when it changes.
 */
function LiveBadge({ status, waiting }: { status: keyof typeof liveText; waiting: number }) {
  const dot =
    status === "live" ? "bg-emerald-500" : status === "offline" || status === "reconnecting" ? "bg-red-500" : status === "paused" ? "bg-fg-muted" : "bg-amber-500";
  return (
    <span role="status" data-live={status} className="inline-flex items-center gap-1.5 text-xs text-fg-muted">
      <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
      {liveText[status]}
      {status === "offline"
        ? waiting > 0
          ? ` · ${waiting === 1 ? "1 change" : `${waiting} changes`} will be sent when you reconnect`
          : " · changes you make will be sent when you reconnect"
        : null}
    </span>
  );
}
