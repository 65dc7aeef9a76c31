"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { TimeTravelBoard, usePastBoardEarly } from "@/components/time-travel/time-travel-board";
import { toggleTimeTravel, useAsOfParam } from "@/components/time-travel/use-as-of-param";
import { useTRPC, useTRPCClient } from "@/components/trpc/context";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { lastWritePosition } from "@/components/trpc/written-positions";
import { ArchivedSection } from "./archived-section";
import { BoardColumns } from "./board-columns";
import { BoardFilterBar } from "./board-filter-bar";
import { isFiltering, taskMatcher } from "./board-filters";
import { BoardHeader } from "./board-header";
import { type BoardSession, BoardSessionContext, type CardSession, CardSessionContext } from "./board-session";
import { BoardSkeleton } from "./board-skeleton";
import { BoardWelcome } from "./board-welcome";
import { itemsOf } from "./board-moves";
import { walkCards } from "./card-walk";
import { CommandPalette } from "./command-palette";
import { focusCard } from "./focus-card";
import { usePaletteGroups } from "./palette-commands";
import { localToday } from "../ui/format";
import { newerBoard } from "./newer-board";
import { type Notice, NoticeBar } from "./notice";
import { ProjectionLagStatus } from "./projection-lag-status";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TeammateAnnouncer } from "./teammate-badge";
import { TaskDetailDialog } from "./task-detail-dialog";
import { type BoardData, canEditTasks, canManageColumns, type ProjectionLag } from "./types";
import { useBoardFilters } from "./use-board-filters";
import { focusedTaskId, type TaskField, useBoardShortcuts } from "./use-board-shortcuts";
import { type LiveStatus, useLiveUpdates } from "./use-live-updates";
import { useOnline } from "./use-online";
import { usePendingChanges } from "./use-pending-changes";
import { useTaskVersions } from "./use-task-versions";

/** How often a board that is behind its log asks again. */
const BEHIND_REFETCH_MS = 1000;

/**
 * A project's board page: loads the board, then shows filters, columns, archived tasks and the task panel.
 * Each load asks to see this tab's last write to the project (read-your-writes); a board still behind is
 * shown as such and asked for again until it has caught up.
 */
export function BoardView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const options = trpc.board.get.queryOptions({ projectId });
  const query = useQuery({
    ...options,
    queryFn: async () => {
      const fetched = await client.board.get.query({ projectId, position: lastWritePosition(projectId) });
      return { ...newerBoard(queryClient.getQueryData(options.queryKey), fetched), lag: fetched.lag };
    },
    refetchInterval: (q) => (q.state.data && q.state.data.lag.events > 0 ? BEHIND_REFETCH_MS : false),
  });
  usePastBoardEarly(projectId);
  // The stream starts with the page, beside the board's first load, not after it: the board shows live as it is drawn.
  // In time travel the past board comes first (the badge says paused): the stream waits for the live board.
  const travelling = useAsOfParam() !== null;
  const live = useLiveUpdates(projectId, !travelling || query.data !== undefined);

  // A failed background refetch keeps showing the board we have.
  if (query.data) return <LoadedBoard projectId={projectId} data={query.data} lag={query.data.lag} live={live} travelling={travelling} />;
  if (query.isError) return <BoardError notFound={errorCode(query.error) === "NOT_FOUND"} message={errorMessage(query.error)} />;
  return <BoardSkeleton />;
}

function LoadedBoard({
  projectId,
  data,
  lag,
  live,
  travelling,
}: {
  projectId: string;
  data: BoardData;
  lag: ProjectionLag;
  live: LiveStatus;
  travelling: boolean;
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  // The field the task panel opens at (`a`, `p`, `l` on a card), or null for its top.
  const [openField, setOpenField] = useState<TaskField | null>(null);
  const [revealTaskId, revealTask] = useState<string | null>(null);
  const [today] = useState(() => localToday(new Date()));
  const versions = useTaskVersions(projectId);
  const online = useOnline();
  const openTask = useCallback((taskId: string) => {
    setOpenTaskId(taskId);
    setOpenField(null);
  }, []);
  const changes = usePendingChanges(projectId, versions, setNotice);
  const board = changes.withPending(data);
  const forgetShown = useEffectEvent((shown: BoardData) => changes.forgetShown(shown));
  useEffect(() => forgetShown(data), [data]);
  const canEdit = canEditTasks(board.role);
  const pendingKey = [...changes.pendingTaskIds].join();
  const card = useMemo<CardSession>(() => {
    const members = new Map(board.members.map((m) => [m.id, m]));
    const pending = new Set(pendingKey ? pendingKey.split(",") : []);
    return {
      canEdit,
      today,
      memberById: (id) => (id ? members.get(id) : undefined),
      labelColours: board.labelColours,
      openTask,
      pendingState: (id) => (pending.has(id) ? (online ? "sending" : "waiting") : null),
    };
  }, [board.members, board.labelColours, canEdit, today, pendingKey, online, openTask]);
  const { filters, setFilters } = useBoardFilters();
  const [newTaskRequest, setNewTaskRequest] = useState(0);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [palette, setPalette] = useState<{ taskId: string | null } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const filter = { active: isFiltering(filters), matches: taskMatcher(filters) };
  const newTask = canEdit ? () => setNewTaskRequest((n) => n + 1) : undefined;
  const search = () => searchRef.current?.focus();
  const showShortcuts = () => setShortcutsOpen(true);
  const openTaskAt = (taskId: string, field: TaskField) => {
    setOpenTaskId(taskId);
    setOpenField(field);
  };
  useBoardShortcuts({
    newTask,
    search,
    showShortcuts,
    // The palette acts on the focused card, or else on the open task.
    togglePalette: () => {
      const taskId = focusedTaskId() ?? openTaskId;
      setPalette((open) => (open ? null : { taskId }));
    },
    // Walks the cards the filters let through, in the live board's order (a past board is read as it was).
    walk: travelling
      ? undefined
      : (from, step) => {
          const to = walkCards(itemsOf(board, filter.matches), board.columns.map((c) => c.id), from, step);
          if (to) focusCard(to, revealTask);
        },
    openField: travelling ? undefined : openTaskAt,
    timeTravel: toggleTimeTravel,
  });
  const paletteGroups = usePaletteGroups({
    projectId,
    board,
    canEdit,
    changes,
    openTask,
    taskId: palette?.taskId ?? null,
    travelling,
    filters,
    setFilters,
    newTask,
    search,
    showShortcuts,
    openField: openTaskAt,
  });

  const session: BoardSession = {
    projectId,
    board,
    canEdit,
    canManage: canManageColumns(board.role),
    today,
    versions,
    live,
    changes,
    filter,
    newTaskRequest,
    memberById: card.memberById,
    moveTask: changes.moveTask,
    openTask,
    revealTaskId,
    revealTask,
  };

  return (
    <BoardSessionContext value={session}>
      <CardSessionContext value={card}>
        <title>{`${board.project.name} · Chronoboard`}</title>
        <div className="px-4 py-5 sm:px-6">
          <TimeTravelBoard
            header={
              <>
                <BoardHeader />
                <BoardWelcome projectId={projectId} />
                <ProjectionLagStatus lag={lag} />
              </>
            }
          >
            <BoardFilterBar
              filters={filters}
              onChange={setFilters}
              searchRef={searchRef}
              onShowShortcuts={() => setShortcutsOpen(true)}
            />
            <BoardColumns />
            <ArchivedSection showNotice={setNotice} />
          </TimeTravelBoard>
        </div>
        {/* While the task panel is open the page behind it is inert, so the panel shows the notice instead. */}
        <NoticeBar
          notice={openTaskId ? null : notice}
          onDismiss={() => setNotice(null)}
          className="fixed inset-x-0 bottom-4 z-30 mx-auto w-[min(36rem,calc(100%-2rem))] empty:hidden"
        />
        <TaskDetailDialog
          // A past board opens its tasks as they were (the history's "view the board at this moment" goes there).
          taskId={travelling ? null : openTaskId}
          focusField={openField}
          onClose={() => setOpenTaskId(null)}
          notice={notice}
          onDismissNotice={() => setNotice(null)}
        />
        <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        <TeammateAnnouncer />
        <CommandPalette open={palette !== null} onClose={() => setPalette(null)} groups={paletteGroups} />
      </CardSessionContext>
    </BoardSessionContext>
  );
}

function BoardError({ notFound, message }: { notFound: boolean; message: string }) {
  return (
    <div className="mx-auto max-w-md px-4 pt-[15vh] text-center">
      <h1 className="text-lg font-semibold text-fg">{notFound ? "Project not found" : "The board could not be loaded"}</h1>
      <p className="mt-2 text-sm text-fg-muted">
        {notFound ? "It does not exist, or you are not a member of it. Ask its owner to add you." : message}
      </p>
      <Link href="/projects" className="mt-6 inline-block text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Back to your projects
      </Link>
    </div>
  );
}
