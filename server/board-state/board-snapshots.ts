import { promisify } from "node:util";
import { deflateRaw, inflateRaw } from "node:zlib";
import { recordSnapshot } from "../metrics";
import type { Db } from "../db";
import { findProjectSnapshot, type ProjectCut, readProjectSnapshotState, saveProjectSnapshot, stateCache } from "../eventstore";
import type { LoadedBoard } from "./loaded-board";
import { decodeBoard, packBoard, type ParsedBoard, parseBoard } from "./board-codec";

/*
 * The state is stored deflated (zlib, level 1) as base64 text, with PostgreSQL's own compression off
 * (migration 0050): zlib inflates a large board faster than pglz did at every cold read, and off the event
 * loop (BENCHMARKS.md, "Figures behind choices in the code"). (bytea would come back hex-encoded, twice the size.)
 */
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * The version of the stored board's shape (LoadedBoard, as evolveBoard and the upcasters build it).
 * Snapshots of another version are never read; raise it whenever that shape or its folding changes.
 */
// 6: labelColours, and each task's updatedBy.
export const BOARD_STATE_SCHEMA_VERSION = 6;

/** A stored board snapshot: the board as of its cut. */
export interface BoardSnapshot {
  cut: ProjectCut;
  board: LoadedBoard;
}

/** A stored board snapshot found by its instant, its board not read yet. */
export interface FoundBoardSnapshot {
  cut: ProjectCut;
  /** A new copy of the board each time, for the caller to fold onto; read once, then from the process cache. */
  board: () => Promise<LoadedBoard>;
}

/**
 * The newest board snapshot whose instant is at or before `until` (inclusive to the millisecond, as
 * readProject; default: the newest). Its board is read on demand, so that the caller can read the events
 * after its cut at the same time.
 */
export async function findBoardSnapshot(db: Db, projectId: string, until?: Date): Promise<FoundBoardSnapshot | null> {
  const cut = await findProjectSnapshot(db, projectId, BOARD_STATE_SCHEMA_VERSION, until);
  if (!cut) return null;
  const cached = stateCache().get(cacheKey(projectId, cut)) as ParsedBoard | undefined;
  return { cut, board: async () => decodeBoard(cached ?? (await readState(db, projectId, cut))) };
}

async function readState(db: Db, projectId: string, cut: ProjectCut): Promise<ParsedBoard> {
  const state = await readProjectSnapshotState(db, projectId, cut);
  const json = (await inflate(Buffer.from(state, "base64"))).toString();
  const parsed = parseBoard(json);
  stateCache().set(cacheKey(projectId, cut), parsed, json.length);
  return parsed;
}

/**
 * Stores a board snapshot and drops the project's snapshots of older state schema versions. A snapshot
 * already stored at that instant is replaced only by a newer schema version.
 */
export async function saveBoardSnapshot(db: Db, projectId: string, snapshot: BoardSnapshot): Promise<void> {
  const packed = packBoard(snapshot.board);
  const json = JSON.stringify(packed);
  const state = (await deflate(json, { level: 1 })).toString("base64");
  const stored = await saveProjectSnapshot(db, projectId, BOARD_STATE_SCHEMA_VERSION, {
    cut: snapshot.cut,
    position: snapshot.board.position,
    state,
  });
  // Another process may have stored its own board at that instant, with its own visibility: cache only ours.
  if (!stored) return;
  stateCache().set(cacheKey(projectId, snapshot.cut), packed, json.length);
  recordSnapshot("board", json);
}

function cacheKey(projectId: string, cut: ProjectCut): string {
  return `board:${projectId}:${cut.timestamp}:${BOARD_STATE_SCHEMA_VERSION}`;
}
