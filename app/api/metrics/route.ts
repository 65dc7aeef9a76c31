import { metricsResponse } from "@/server/api/http/metrics";

export async function GET(req: Request) {
  return metricsResponse(req);
}
