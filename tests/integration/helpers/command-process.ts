/**
 * One tRPC call in a process of its own, through the app's router (input parsing, session and role checks,
 * the command path) on the database in DATABASE_URL, as an app instance serves it. Prints the answer, or
 * the error's code and message, as one JSON line.
 *   node --import tsx command-process.ts '<user JSON>' task.move '<input JSON>'
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { appRouter } from "../../../server/api/root";
import { createCallerFactory } from "../../../server/api/trpc";
import { getPool } from "../../../server/db/pool";

const [userJson, path, inputJson] = process.argv.slice(2);
const caller = createCallerFactory(appRouter)({ user: JSON.parse(userJson!), correlationId: randomUUID(), db: getPool() });
const [namespace, procedure] = path!.split(".");
const call = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[namespace!]![procedure!]!;
call(JSON.parse(inputJson!))
  .then(
    (answer) => process.stdout.write(`${JSON.stringify({ answer })}\n`),
    (error: unknown) => {
      const code = error instanceof TRPCError ? error.code : "INTERNAL_SERVER_ERROR";
      process.stdout.write(`${JSON.stringify({ error: { code, message: (error as Error).message } })}\n`);
    },
  )
  .finally(() => getPool().end());
