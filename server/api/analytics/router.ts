import { router } from "../trpc";
import { flowAnalytics } from "./flow";

export const analyticsRouter = router({ flow: flowAnalytics });
