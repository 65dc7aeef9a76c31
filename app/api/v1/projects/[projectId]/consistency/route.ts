import { answeringFaults } from "@/server/api/http/fault-response";
import { consistencyResponse } from "@/server/api/http/proofs";

export const GET = answeringFaults(async (req: Request, { params }: { params: Promise<{ projectId: string }> }) =>
  consistencyResponse(req, (await params).projectId),
);
