import { type BoardEventInput, evolveBoard } from "../domain";
import type { Db } from "../db";
import { inBackground, type ProjectCut, readProjectAfter, snapshotPolicy, type StoredEvent, toDomainEvent } from "../eventstore";
import { writerFor } from "../db";
import { type BoardHead, boardHeads, keepHead } from "./board-heads";
import { findBoardSnapshot, saveBoardSnapshot } from "./board-snapshots";
import { emptyLoadedBoard, type LoadedBoard } from "./loaded-board";

/** A stored event as the board folds it: upcast to today's payload, with its author and time. */
export function toBoardEvent(event: StoredEvent): BoardEventInput {
  return {
    ...toDomainEvent(event),
    aggregateId: event.aggregateId,
    userId: event.metadata.userId,
    timestamp: event.timestamp,
  } as BoardEventInput;
}

/**
 * Folds a project's events, in position order, into its board; onto an earlier board (a snapshot) when
 * given, which is left as it was. Each stream's events stay in version order, and streams do not affect
 * one another on a board, so events that committed late may be folded after later positions.
 */
export function foldBoard(events: StoredEvent[], start: LoadedBoard = emptyLoadedBoard): LoadedBoard {
  return foldOnto({ ...start, tasks: { ...start.tasks }, taskVersions: { ...start.taskVersions } }, events);
}

/**
 * foldBoard onto a board the caller owns, whose task records it fills in place: copying every task of a
 * large board for each fold cost more than the fold itself.
 */
function foldOnto(board: LoadedBoard, events: StoredEvent[]): LoadedBoard {
  // evolveBoard returns a new board for every event, copying every task, which makes folding a large board
  // quadratic. An event changes its own task or the project's part only, so each is evolved on a board
  // holding just those, and the result goes into the records.
  const { tasks, taskVersions } = board;
  let { project, members, columns, labelColours, projectVersion, position } = board;
  for (const event of events) {
    // Other streams of the project (a review saga's) are in its log but not on its board.
    if (event.aggregateType !== "task" && event.aggregateType !== "project") continue;
    const id = event.aggregateId;
    const touched = tasks[id];
    const next = evolveBoard({ project, members, columns, labelColours, tasks: touched ? { [id]: touched } : {} }, toBoardEvent(event));
    ({ project, members, columns, labelColours } = next);
    const task = next.tasks[id];
    if (task) tasks[id] = task;
    if (event.aggregateType === "task") taskVersions[id] = event.version;
    else projectVersion = event.version;
    position = Math.max(position, event.position);
  }
  return { project, members, columns, labelColours, tasks, taskVersions, projectVersion, position };
}

/**
 * A project's board now, or as of an instant (inclusive to the millisecond; after now = now): the newest
 * board snapshot at or before it plus the project's events after the snapshot (one query); now, the
 * process's newest board of the project instead of a snapshot, once it has one. A load that had to fold
 * `snapshotPolicy.boardEvery` events or more stores its result as a new snapshot, after the response. The
 * board returned is shared: it must not be changed.
 */
export async function loadBoard(db: Db, projectId: string, opts: { until?: Date } = {}): Promise<LoadedBoard> {
  if (!opts.until) return (await loadBoardNow(db, projectId)).board;
  const { board, cut, folded } = await readBoard(db, projectId, opts.until);
  if (cut && folded >= snapshotPolicy.boardEvery) keepSnapshot(db, projectId, { cut, board });
  return board;
}

/**
 * The board now and the cut it is at (null: the project has no events): from the process's newest board of
 * the project (board-heads.ts) when it has one.
 */
export async function loadBoardNow(db: Db, projectId: string): Promise<{ board: LoadedBoard; cut: ProjectCut | null }> {
  const head = boardHeads().get(projectId);
  const { board, cut, folded, from } = head ? await readHeadOnwards(db, projectId, head) : await readBoard(db, projectId);
  if (!cut) return { board, cut: from };
  // Snapshots are still stored every boardEvery events, for the loads of past instants.
  const stored = folded >= snapshotPolicy.boardEvery;
  if (stored) keepSnapshot(db, projectId, { cut, board });
  keepHead(projectId, { cut, board, sinceSnapshot: stored ? 0 : folded });
  return { board, cut };
}

/**
 * The head with the events stored since folded on; `folded` counts from the newest stored snapshot, `from` is
 * the cut folded from (the board's cut when no event came after it).
 */
async function readHeadOnwards(db: Db, projectId: string, head: BoardHead) {
  const slice = await readProjectAfter(db, projectId, { after: head.cut });
  if (!slice.cut) return { board: head.board, cut: null, folded: head.sinceSnapshot, from: head.cut };
  return { board: foldBoard(slice.events, head.board), cut: slice.cut, folded: head.sinceSnapshot + slice.events.length, from: head.cut };
}

/** Stores a snapshot of the project's board now, or as of an instant, whatever the policy (on demand). */
export async function snapshotBoard(db: Db, projectId: string, opts: { until?: Date } = {}): Promise<void> {
  const { board, cut } = await readBoard(db, projectId, opts.until);
  if (cut) await saveBoardSnapshot(db, projectId, { cut, board });
}

async function readBoard(db: Db, projectId: string, until?: Date) {
  const snapshot = await findBoardSnapshot(db, projectId, until);
  // Both reads are large on a long history; a pool runs them on two connections.
  const [start, slice] = await Promise.all([snapshot?.board(), readProjectAfter(db, projectId, { after: snapshot?.cut, until })]);
  const board = start ? foldOnto(start, slice.events) : foldBoard(slice.events);
  return { board, cut: slice.cut, folded: slice.events.length, from: snapshot?.cut ?? null };
}

const saving = new Set<string>();

/**
 * One snapshot per project at a time: concurrent loads of a busy board would all want to store one. A board
 * read on the replica is stored on the primary (its cut's visibility, a standby's snapshot, holds there too).
 */
function keepSnapshot(db: Db, projectId: string, snapshot: { cut: ProjectCut; board: LoadedBoard }): void {
  if (saving.has(projectId)) return;
  saving.add(projectId);
  inBackground(`Board snapshot of project ${projectId}`, () =>
    saveBoardSnapshot(writerFor(db), projectId, snapshot).finally(() => saving.delete(projectId)),
  );
}
