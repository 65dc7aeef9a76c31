import { type Db, getLockPool } from "../db";
import type { Board } from "../domain";

/** What the turn needs of a board: its project and columns (a LoadedBoard or a CommandBoard). */
type BoardWithColumns = Pick<Board, "project" | "columns">;

/**
 * Runs a command that may put a task into a column with a WIP limit one at a time per column, on the
 * board read again (`reload`) once it is its turn. Two moves decided on one board would each see room for
 * one more task and together pass the limit: they append to different task streams, so optimistic
 * concurrency does not stop them. The advisory lock holds across app instances and is released only after
 * the command's append has committed. Columns without a limit need no turn.
 */
export async function oneAtATimeInto<B extends BoardWithColumns, T>(
  ctx: { db: Db; board: B },
  columnId: string,
  reload: (db: Db, projectId: string) => Promise<B>,
  run: (board: B) => Promise<T>,
): Promise<T> {
  const column = ctx.board.columns.find((candidate) => candidate.id === columnId);
  if (!column || column.wipLimit === null) return run(ctx.board);
  const key = `wip:${ctx.board.project.id}:${columnId}`;
  const lock = await getLockPool().connect();
  let broken: Error | undefined;
  try {
    await lock.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
    return await run(await reload(ctx.db, ctx.board.project.id));
  } finally {
    // A connection that could not unlock is closed, which releases its locks, rather than reused.
    await lock.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]).catch((error: Error) => (broken = error));
    lock.release(broken);
  }
}
