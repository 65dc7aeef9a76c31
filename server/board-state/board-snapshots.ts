import { promisify } from "node:util";
import { deflateRaw, inflateRaw } from "node:zlib";
import { recordSnapshot } from "../metrics";
import type { Db } from "../db";
import { MILLISECOND, type ProjectCut, stateCache } from "../eventstore";
import type { LoadedBoard } from "./loaded-board";
import { decodeBoard, packBoard, type ParsedBoard, parseBoard } from "./board-codec";

/*
 * The state is stored deflated (zlib, level 1) as base64 text, with PostgreSQL's own compression off
 * (migration 0050): inflating a 10,000-task board took pglz about 20 ms on the server at every cold read,
 * zlib takes about 8 ms, off the event loop. (bytea would come back hex-encoded, twice the size.)
 */
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * The version of the stored board's shape (LoadedBoard, as evolveBoard and the upcasters build it).
 * Snapshots of another version are never read; raise it whenever that shape or its folding changes.
 */
export const BOARD_STATE_SCHEMA_VERSION = 5;

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
  const { rows } = await db.query<{ covers_until: string; visibility: string }>(
    `SELECT covers_until::text, visibility::text FROM board_snapshots
     WHERE project_id = $1 AND state_schema_version = $2
       AND ($3::timestamptz IS NULL OR covers_until < $3 + ${MILLISECOND})
     ORDER BY covers_until DESC LIMIT 1`,
    [projectId, BOARD_STATE_SCHEMA_VERSION, until ?? null],
  );
  const found = rows[0];
  if (!found) return null;
  const cut = { timestamp: found.covers_until, visibility: found.visibility };
  const cached = stateCache().get(cacheKey(projectId, cut)) as ParsedBoard | undefined;
  return { cut, board: async () => decodeBoard(cached ?? (await readState(db, projectId, cut))) };
}

async function readState(db: Db, projectId: string, cut: ProjectCut): Promise<ParsedBoard> {
  const { rows } = await db.query<{ state: string }>(
    `SELECT state FROM board_snapshots WHERE project_id = $1 AND covers_until = $2::timestamptz`,
    [projectId, cut.timestamp],
  );
  const json = (await inflate(Buffer.from(rows[0]!.state, "base64"))).toString();
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
  const stored = (await deflate(json, { level: 1 })).toString("base64");
  const { rowCount } = await db.query(
    `WITH outdated AS (
       DELETE FROM board_snapshots
       WHERE project_id = $1 AND state_schema_version < $2 AND covers_until <> $3::timestamptz
     )
     INSERT INTO board_snapshots (project_id, covers_until, visibility, position, state_schema_version, state)
     VALUES ($1, $3, $4::pg_snapshot, $5, $2, $6)
     ON CONFLICT (project_id, covers_until) DO UPDATE
       SET visibility = EXCLUDED.visibility, position = EXCLUDED.position, state = EXCLUDED.state,
           state_schema_version = EXCLUDED.state_schema_version, taken_at = now()
       WHERE board_snapshots.state_schema_version < EXCLUDED.state_schema_version
     RETURNING 1`,
    [projectId, BOARD_STATE_SCHEMA_VERSION, snapshot.cut.timestamp, snapshot.cut.visibility, snapshot.board.position, stored],
  );
  // Another process may have stored its own board at that instant, with its own visibility: cache only ours.
  if (rowCount) stateCache().set(cacheKey(projectId, snapshot.cut), packed, json.length);
  if (rowCount) recordSnapshot("board", json);
}

function cacheKey(projectId: string, cut: ProjectCut): string {
  return `board:${projectId}:${cut.timestamp}:${BOARD_STATE_SCHEMA_VERSION}`;
}
