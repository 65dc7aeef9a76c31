import { answeringFaults } from "@/server/api/http/fault-response";
import { checkpointsResponse } from "@/server/api/http/proofs";

export const GET = answeringFaults(async (req: Request, { params }: { params: Promise<{ projectId: string }> }) =>
  checkpointsResponse(req, (await params).projectId),
);
