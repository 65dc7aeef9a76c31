import { answeringFaults } from "@/server/api/http/fault-response";
import { metricsResponse } from "@/server/api/http/metrics";

export const GET = answeringFaults(async (req: Request) => metricsResponse(req));
