import { router } from "../trpc";
import { deadLetters } from "./dead-letters";
import { retryDeadLetter, skipDeadLetter } from "./decide-dead-letter";

export const projectionsRouter = router({ deadLetters, retryDeadLetter, skipDeadLetter });
