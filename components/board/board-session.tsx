"use client";

import { createContext, use } from "react";
import type { BoardData, BoardTask, Member, MoveRequest } from "./types";
import type { LiveStatus } from "./use-live-updates";
import type { PendingChanges } from "./use-pending-changes";
import type { TaskVersions } from "./use-task-versions";

/** What every part of an open board needs: the data as shown, the viewer's rights and the shared actions. */
export type BoardSession = {
  projectId: string;
  /** The board with moves that are still on their way to the server already applied. */
  board: BoardData;
  canEdit: boolean;
  canManage: boolean;
  /** The viewer's calendar day (YYYY-MM-DD), for overdue due dates. */
  today: string;
  versions: TaskVersions;
  /** Whether other people's changes are arriving live. */
  live: LiveStatus;
  /** The user's changes not yet confirmed by the server (all of them wait while offline). */
  changes: PendingChanges;
  /** Which tasks the filter bar lets through; counts and WIP limits still count every task. */
  filter: { active: boolean; matches: (task: BoardTask) => boolean };
  /** Goes up each time the `n` shortcut asks the first column's "Add task" form to open. */
  newTaskRequest: number;
  memberById: (id: string | null) => Member | undefined;
  moveTask: (move: MoveRequest) => void;
  openTask: (taskId: string) => void;
  /** A task to scroll into view once it is on the board (one just added to a long column), or null. */
  revealTaskId: string | null;
  revealTask: (taskId: string | null) => void;
};

export const BoardSessionContext = createContext<BoardSession | null>(null);

/**
 * The part of the session a card needs, which stays the same while the board's data changes: cards read
 * this instead of the whole session, so a live change redraws only the cards it touched.
 */
export type CardSession = Pick<BoardSession, "canEdit" | "today" | "memberById" | "openTask"> & {
  /** The board's colour for each label (absent: drawn plain). */
  labelColours: BoardData["labelColours"];
  /** A change to the task is on its way ("sending") or waits for the connection ("waiting"); null if none. */
  pendingState: (taskId: string) => "sending" | "waiting" | null;
};

export const CardSessionContext = createContext<CardSession | null>(null);

export function useCardSession(): CardSession {
  const session = use(CardSessionContext);
  if (!session) throw new Error("useCardSession must be used inside a board");
  return session;
}

export function useBoardSession(): BoardSession {
  const session = use(BoardSessionContext);
  if (!session) throw new Error("useBoardSession must be used inside a board");
  return session;
}
