import { analyticsRouter } from "./analytics/router";
import { auditRouter } from "./audit/router";
import { automationRouter } from "./automation/router";
import { boardAsOf } from "./board/as-of";
import { boardChanges } from "./board/changes";
import { getBoard } from "./board/get";
import { columnRouter } from "./column/router";
import { metricsRouter } from "./metrics/router";
import { operationsRouter } from "./operations/router";
import { projectRouter } from "./project/router";
import { projectionsRouter } from "./projections/router";
import { me } from "./session/me";
import { taskRouter } from "./task/router";
import { tokenRouter } from "./token/router";
import { router } from "./trpc";

export const appRouter = router({
  project: projectRouter,
  column: columnRouter,
  task: taskRouter,
  board: router({ get: getBoard, asOf: boardAsOf, changes: boardChanges }),
  audit: auditRouter,
  projections: projectionsRouter,
  analytics: analyticsRouter,
  metrics: metricsRouter,
  token: tokenRouter,
  operations: operationsRouter,
  automation: automationRouter,
  session: router({ me }),
});

export type AppRouter = typeof appRouter;
