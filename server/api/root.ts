import { auditRouter } from "./audit/router";
import { boardAsOf } from "./board/as-of";
import { boardChanges } from "./board/changes";
import { getBoard } from "./board/get";
import { columnRouter } from "./column/router";
import { operationsRouter } from "./operations/router";
import { projectRouter } from "./project/router";
import { projectionsRouter } from "./projections/router";
import { taskRouter } from "./task/router";
import { router } from "./trpc";

export const appRouter = router({
  project: projectRouter,
  column: columnRouter,
  task: taskRouter,
  board: router({ get: getBoard, asOf: boardAsOf, changes: boardChanges }),
  audit: auditRouter,
  projections: projectionsRouter,
  operations: operationsRouter,
});

export type AppRouter = typeof appRouter;
