import { answeringFaults } from "@/server/api/http/fault-response";
import { exportResponse } from "@/server/api/http/export";

export const GET = answeringFaults(async (req: Request, { params }: { params: Promise<{ projectId: string }> }) =>
  exportResponse(req, (await params).projectId),
);
