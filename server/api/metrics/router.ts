import { router } from "../trpc";
import { metricsPanel } from "./panel";

export const metricsRouter = router({ panel: metricsPanel });
