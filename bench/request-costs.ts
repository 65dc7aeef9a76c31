/**
 * Where a request's time goes, part by part, measured in the bench's process one call at a time on the HTTP
 * bench's board, while the app (whose projector keeps the read model that board.get reads) is idle: the session lookup (better-auth, then through the app's own `sessionUser`), the project access check,
 * the procedures' own work, and the transformer with the JSON text of the answer. What HTTP and Next.js add
 * is the rest of the HTTP bench's time.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { appRouter } from "../server/api/root";
import { createCallerFactory } from "../server/api/trpc";
import { transformer } from "../server/api/input-transformer";
import { projectAccess, readers } from "../server/api/project-procedure";
import { auth, sessionUser } from "../server/auth";
import { summarize } from "./stats";

const RUNS = 300;

/** `prepare` runs before each call, outside its time. */
async function p50Of(work: () => Promise<unknown>, prepare?: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await prepare?.();
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarize(samples).p50;
}

export async function requestCosts(pool: pg.Pool, board: { projectId: string; emails: string[]; taskIds: string[]; columns: { id: string }[] }, password: string) {
  const signIn = await auth.api.signInEmail({ body: { email: board.emails[0]!, password }, asResponse: true });
  const headers = new Headers({ cookie: signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  const user = (await sessionUser(headers))!;
  const caller = createCallerFactory(appRouter)({ user, correlationId: randomUUID(), db: pool });
  const { projectId, taskIds, columns } = board;
  const answer = await caller.board.get({ projectId });
  let i = 0;
  const parts: [string, number][] = [
    ["session lookup, better-auth (`getSession`: cookie signature, sessions and users rows)", await p50Of(() => auth.api.getSession({ headers }))],
    ["session lookup through `sessionUser` as configured (`SESSION_CACHE_MS`, off by default: a lookup each time)", await p50Of(() => sessionUser(headers))],
    ["access check: the board from the process's head, the caller's role (`projectAccess`)", await p50Of(() => projectAccess(pool, user.id, projectId, readers))],
    ["`board.get` procedure, access check included (read model, lag, view), cards unchanged since the last call (the HTTP bench's case)", await p50Of(() => caller.board.get({ projectId }))],
    [
      "`board.get` procedure, a card's row rewritten before each call (so its cards are sent, read and laid out again)",
      // A rewritten row changes the cards' signature (read-models/board/load.ts) as a projected event would.
      await p50Of(() => caller.board.get({ projectId }), () => pool.query(`UPDATE board_cards SET title = title WHERE task_id = $1`, [taskIds[i++ % taskIds.length]])),
    ],
    ["`task.move` procedure, access check included (command board, decide, append)", await p50Of(() => caller.task.move({ projectId, commandId: randomUUID(), taskId: taskIds[i++ % taskIds.length]!, toColumnId: columns[i % columns.length]!.id, afterTaskId: null }))],
    ["`board.get`'s answer through the transformer and `JSON.stringify`", await p50Of(async () => JSON.stringify(transformer.output.serialize(answer)))],
  ];
  return ["| part of a request | p50 ms |", "|---|---|", ...parts.map(([part, ms]) => `| ${part} | ${ms.toFixed(2)} |`)].join("\n");
}
