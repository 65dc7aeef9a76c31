import { router } from "../trpc";
import { allDeadLetters, operatorRetryDeadLetter, operatorSkipDeadLetter } from "./dead-letters";
import { rebuildReadModel } from "./rebuild";
import { operationsStatus } from "./status";

export const operationsRouter = router({
  status: operationsStatus,
  rebuild: rebuildReadModel,
  deadLetters: allDeadLetters,
  retryDeadLetter: operatorRetryDeadLetter,
  skipDeadLetter: operatorSkipDeadLetter,
});
